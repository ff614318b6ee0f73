import { z } from 'zod';
import type { ErrorCode } from './errors';
import { LIMITS } from './limits';
import { ConversationStatus, Priority, Role } from './models';

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(200));
const origin = z
  .string()
  .regex(
    /^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/i,
    'an origin like https://example.com, https://*.example.com or *',
  );

/** POST /api/auth/register */
export const RegisterBody = z.object({
  workspace: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  email,
  password: z.string().min(8).max(200),
  /** A one-time setup link's token (`/register?setup=`): required while sign-up is invite-only. */
  setup: z.string().min(1).max(200).optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;
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
    .object({
      id: z.string().min(1).max(200),
      hash: z.string().max(200),
      email: email.optional(),
      name: z.string().max(100).optional(),
    })
    .optional(),
  /** The page the widget was loaded on (landing page on a first visit). */
  page: z
    .object({
      url: z.string().max(2000),
      title: z.string().max(300).default(''),
      referrer: z.string().max(2000).optional(),
    })
    .optional(),
  /** A Turnstile token (siteverify caps them at 2048 characters): needed by a new visitor while the site's turnstile is on. */
  turnstileToken: z.string().min(1).max(2048).optional(),
});

/** POST /api/widget/continue: a continuation link's token and the device's own random key (docs/widget.md). */
export const ContinueBody = z.object({
  siteKey: z.string().min(1).max(100),
  token: z.string().min(1).max(2000),
  device: z.string().min(8).max(100),
  page: WidgetSessionBody.shape.page,
});

/**
 * The history routes' paging: `?before=SEQ` walks back from the newest (the apps' scroll-back), `?after=SEQ` walks
 * forward from the oldest (`after=0` is the first message: an integration's sync). A page is always oldest first;
 * at most one of the two.
 */
export const HistoryQuery = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.historyPageMax).default(50),
  })
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: 'Use before or after, not both',
    path: ['after'],
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

// An ISO date or date-time within 1970–9999: a real date only (Date.parse accepts "1" and "-271821-04-20",
// whose range arithmetic then throws), so a stats or inbox range never answers 500.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const isoDate = z
  .string()
  .max(40)
  .refine((v) => {
    const t = Date.parse(v);
    return ISO.test(v) && !Number.isNaN(t) && t >= 0 && t < Date.UTC(10000, 0, 1);
  }, 'an ISO date or date-time (1970 to 9999)');

/** Filters of the inbox route; all optional and combined with AND. */
export const InboxQuery = z.object({
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  status: ConversationStatus.optional(),
  /** `me`, `unassigned`, `all` (the default) or an agent id. */
  assignee: z.string().max(100).optional(),
  department: z.string().max(100).optional(),
  priority: Priority.optional(),
  tag: z.string().max(40).optional(),
  /** Last activity on or after / before these dates. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Full text over message text and the visitor's name and email. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

/** POST /api/conversations/:id/assign */
export const AssignBody = z.object({ agentId: z.string().min(1).max(100) });
/** POST /api/conversations/:id/transfer: to an agent, with an optional note (kept as an internal note). */
export const TransferBody = z.object({
  agentId: z.string().min(1).max(100),
  note: z.string().trim().max(LIMITS.bodyMax).optional(),
});
/** PATCH /api/conversations/:id/messages/:messageId: an agent edits their own message (checked as a new message). */
export const EditMessageBody = z.object({ body: z.string() });
const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[^,]+$/, 'no commas in a tag');
/** PATCH /api/conversations/:id */
export const UpdateConversationBody = z
  .object({
    priority: Priority.optional(),
    tags: z.array(tag).max(20).optional(),
    notes: z.string().max(LIMITS.bodyMax).optional(),
    departmentId: z.string().min(1).max(100).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

/** POST /api/agents: invite someone by email. */
export const InviteAgentBody = z.object({
  name: z.string().trim().min(1).max(100),
  email,
  role: Role.exclude(['owner']).default('agent'),
  maxConcurrent: z.number().int().min(1).max(100).default(5),
  departmentIds: z.array(z.string().max(100)).max(50).optional(),
});
/** PATCH /api/agents/:id */
export const UpdateAgentBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    maxConcurrent: z.number().int().min(1).max(100).optional(),
    departmentIds: z.array(z.string().max(100)).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
/** POST /api/auth/accept-invite */
export const AcceptInviteBody = z.object({ token: z.string().min(1).max(2000), password: z.string().min(8).max(200) });

/** POST /api/departments */
export const CreateDepartmentBody = z.object({
  name: z.string().trim().min(1).max(100),
  autoAssign: z.boolean().default(false),
});
/** PATCH /api/departments/:id */
export const UpdateDepartmentBody = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    autoAssign: z.boolean().optional(),
    isDefault: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

/** ?from=&to= on the stats route (default: the last 7 days). */
export const StatsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** Where the visitor is, reported by the widget on load and on every navigation. */
export const PageBody = z.object({
  url: z.string().max(2000),
  title: z.string().max(300).default(''),
  referrer: z.string().max(2000).optional(),
});

/** Whether anyone may create a workspace (`open`) or only through a one-time setup link (`invite-only`). */
export const SignupMode = z.enum(['open', 'invite-only']);
export type SignupMode = z.infer<typeof SignupMode>;
/** GET /api/auth/config: what the sign-in and register pages need before anyone is signed in. */
export const AuthConfig = z.object({ signup: SignupMode });
export type AuthConfig = z.infer<typeof AuthConfig>;

/** The one error envelope every failing route answers with; `retryAfter` (seconds) only on 429s that know it. */
export type ErrorBody = { error: { code: ErrorCode; message: string; retryAfter?: number } };
