import { z } from 'zod';

/** A saved reply an agent inserts with `/shortcut`; shared with the workspace or personal. */
export const CannedResponse = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  shortcut: z.string(),
  category: z.string(),
  /** true: everyone in the workspace sees it; false: only its owner. */
  shared: z.boolean(),
  ownerId: z.string().nullable(),
  usageCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CannedResponse = z.infer<typeof CannedResponse>;

const shortcut = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'letters, digits, - and _, up to 40');

// Fields without defaults: update schemas are built from these, because zod's partial()
// keeps defaults and an absent field would be reset (issue 9: a PATCH changes only what is sent).
const cannedFields = {
  title: z.string().trim().min(1).max(100),
  content: z.string().trim().min(1).max(4000),
  shortcut,
  category: z.string().trim().max(50),
  shared: z.boolean(),
};
/** POST /api/canned-responses */
export const CreateCannedBody = z.object({
  ...cannedFields,
  category: cannedFields.category.default(''),
  shared: cannedFields.shared.default(false),
});
/** PATCH /api/canned-responses/:id (no defaults: what is absent stays as it is) */
export const UpdateCannedBody = z
  .object(cannedFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
/** GET /api/canned-responses?q= (by shortcut, title or content; most used first) */
export const CannedQuery = z.object({ q: z.string().trim().max(100).optional() });

/** A knowledge-base article (Markdown), searchable and publicly readable while active. */
export const Article = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  active: z.boolean(),
  /** Views from the widget's help center: one per visitor and UTC day. */
  views: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof Article>;

const articleFields = {
  title: z.string().trim().min(1).max(200),
  content: z.string().max(50_000),
  category: z.string().trim().max(50),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20),
  active: z.boolean(),
};
/** POST /api/articles */
export const CreateArticleBody = z.object({
  ...articleFields,
  content: articleFields.content.default(''),
  category: articleFields.category.default(''),
  tags: articleFields.tags.default([]),
  active: articleFields.active.default(true),
});
/** PATCH /api/articles/:id (no defaults: what is absent stays as it is) */
export const UpdateArticleBody = z
  .object(articleFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
/** GET /api/articles?q=&category=&active= */
export const ArticleQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().max(50).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** What an agent wants to be told about in the console. */
export const Preferences = z.object({
  desktop: z.boolean().default(true),
  sound: z.boolean().default(true),
  title: z.boolean().default(true),
});
export type Preferences = z.infer<typeof Preferences>;
/** PATCH /api/auth/me/preferences (no defaults: what is absent stays as it is) */
export const UpdatePreferencesBody = z
  .object({ desktop: z.boolean(), sound: z.boolean(), title: z.boolean() })
  .partial();
