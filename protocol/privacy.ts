import { z } from 'zod';

// Export and data subject requests (docs/privacy.md): the REST contract of /api/privacy.

/** A real calendar day (2025-02-30 is refused, not rolled over). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-31')
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), 'a date like 2026-01-31');

/**
 * GET /api/privacy/export: conversations created in [from, to] (whole UTC days, both optional), of one site or
 * all the workspace's sites. `jsonl`: one file, a line per conversation (with its visitor) followed by a line
 * per message. `csv`: `part` names the file, conversations.csv or messages.csv.
 */
export const ExportQuery = z
  .object({
    format: z.enum(['jsonl', 'csv']).default('jsonl'),
    part: z.enum(['conversations', 'messages']).default('conversations'),
    siteId: z.string().min(1).max(64).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type ExportQuery = z.input<typeof ExportQuery>;

export { EXPORT_TOTAL_HEADER } from './limits';

/** GET /api/privacy/visitors?email= or ?id=: exactly one of the two. */
export const FindVisitorQuery = z
  .object({ email: z.string().trim().min(3).max(254).optional(), id: z.string().trim().min(1).max(64).optional() })
  .refine((q) => (q.email === undefined) !== (q.id === undefined), { message: 'give either email or id' });
export type FindVisitorQuery = z.input<typeof FindVisitorQuery>;

/** A visitor as the privacy page lists them. */
export type PrivacyVisitor = {
  id: string;
  siteId: string;
  siteName: string;
  name: string | null;
  email: string | null;
  createdAt: string;
  lastSeenAt: string;
  conversations: number;
  erasedAt: string | null;
};

/** POST /api/privacy/visitors/:id/erase: `confirm` must repeat the visitor's id (the console's typed confirmation). */
export const EraseBody = z.object({ confirm: z.string().min(1).max(64) });
export type EraseBody = z.infer<typeof EraseBody>;

/** What an erasure did (counts only: it never repeats what it erased). */
export type ErasureResult = {
  visitorId: string;
  conversations: number;
  messages: number;
  files: number;
  completedAt: string;
};

/** PUT /api/privacy/retention/:siteId: months without activity after which visitors are erased; null turns it off. */
export const RetentionBody = z.object({ months: z.number().int().min(1).max(120).nullable() });
export type RetentionBody = z.infer<typeof RetentionBody>;

/** A site's retention setting. */
export type RetentionSetting = {
  siteId: string;
  siteName: string;
  months: number | null;
  lastRunAt: string | null;
  lastErased: number;
};
