import { z } from 'zod';
import { LIMITS } from './limits';

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(200));
const origin = z.string().regex(/^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/i, 'an origin like https://example.com, https://*.example.com or *');

/** POST /api/auth/register */
export const RegisterBody = z.object({
  workspace: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  email,
  password: z.string().min(8).max(200),
});
/** POST /api/auth/login */
export const LoginBody = z.object({ email, password: z.string().min(1).max(200) });

/** POST /api/sites */
export const CreateSiteBody = z.object({
  name: z.string().trim().min(1).max(100),
  allowedOrigins: z.array(origin).max(50),
});

/** POST /api/widget/session */
export const WidgetSessionBody = z.object({
  siteKey: z.string().min(1).max(100),
  token: z.string().max(2000).optional(),
  user: z
    .object({ id: z.string().min(1).max(200), hash: z.string().max(200), email: email.optional(), name: z.string().max(100).optional() })
    .optional(),
});

/** POST /api/widget/conversations (the body is optional). */
export const StartConversationBody = z.object({}).strict();

/** ?before=SEQ&limit=N on the history routes. */
export const HistoryQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.historyPageMax).default(50),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** ?archived=&cursor=&limit= on the inbox route. */
export const InboxQuery = z.object({
  archived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** The one error envelope every failing route answers with. */
export type ErrorBody = { error: { code: string; message: string } };
