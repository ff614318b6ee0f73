// Structured logs (docs/operations.md "Logs"): one JSON object per line, which Workers Logs and
// `wrangler tail --format json` index by field. Fields are a closed set of ids, counts and short codes:
// there is no field for a token, a password, a message body or an email address, and error text is scrubbed.
import { env } from 'cloudflare:workers';

/** Every event Parley logs; a closed list so dashboards and `wrangler tail` filters can rely on the names. */
export type LogEvent =
  | 'request'
  | 'request.error'
  | 'config.invalid'
  | 'health.d1_failed'
  | 'message.committed'
  | 'message.edited'
  | 'frame.failed'
  | 'alarm.failed'
  | 'projection.failed'
  | 'projection.recovered'
  | 'email.sent'
  | 'email.failed'
  | 'email.retry'
  | 'email.inbound_dropped'
  | 'notification.failed'
  | 'site_event.dropped'
  | 'budget.unavailable'
  | 'assignment.failed'
  | 'presence.unavailable'
  | 'block.close_failed'
  | 'deactivation.step_failed'
  | 'webhook.attempt_failed'
  | 'webhook.disabled'
  | 'webhook.notice_failed'
  | 'webhook.visitor_event_failed'
  | 'conversation.erased'
  | 'visitor.erased'
  | 'erasure.failed'
  | 'retention.run';

/** What a log line may carry besides its event: ids, numbers and short machine-readable words only. */
export type LogFields = {
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  conversationId?: string;
  siteId?: string;
  messageId?: string;
  seq?: number;
  kind?: string;
  sender?: string;
  /** The Durable Object class and its callback, for a guarded socket callback that failed (realtime/hub.ts). */
  object?: string;
  callback?: string;
  job?: string;
  attempt?: number;
  retryInMs?: number;
  provider?: string;
  reason?: string;
  setting?: string;
  /** A webhook and one of its deliveries (webhooks/WebhookDeliveryDO.ts). */
  webhookId?: string;
  deliveryId?: string;
  workspaceId?: string;
  /** Erasure and retention (privacy/): the visitor's id and counts, never what was erased. */
  visitorId?: string;
  messages?: number;
  conversations?: number;
  files?: number;
  resumed?: number;
  erased?: number;
  /** Any thrown value: logged as its scrubbed message (and stack for errors), never as an object. */
  error?: unknown;
};

type Level = 'info' | 'warn' | 'error';

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

/**
 * Whether a line of `level` is written under the LOG_LEVEL var (wrangler.toml; "info" on a deployment, "warn"
 * under `npm start`). An unknown or missing value writes everything: a typo must not hide errors.
 */
export function shouldLog(level: Level, configured: string | undefined): boolean {
  return RANK[level] >= (RANK[configured as Level] ?? 0);
}

const MAX_ERROR = 500;
/** A stack frame line: "    at fn (file:1:2)" or "    at file:1:2". */
const FRAME = /^ {4}at .*:\d+:\d+\)?$/;
// An email address, a JWT, or a bearer credential in an error message (a provider may echo its input).
const SECRETS = [/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[a-z]{2,}/gi, /eyJ[\w-]+\.[\w-]+\.[\w-]*/g, /Bearer\s+\S+/gi];

/** An error's text without addresses, credentials or query parameters, cut to a readable length. */
export function scrub(text: string): string {
  // drizzle's "Failed query: <sql>\nparams: <values>": the values are user data (message bodies, addresses), and they
  // end the message; any line in them ("\nat 5pm…") may look like a stack frame, so everything after goes.
  let out = text.replace(/\bparams: [\s\S]*$/, 'params: [redacted]');
  for (const re of SECRETS) out = out.replace(re, '[redacted]');
  return out.length > MAX_ERROR ? `${out.slice(0, MAX_ERROR)}…` : out;
}

/** An error as scrubbed text, with its cause (drizzle wraps D1's own error in one), each scrubbed on its own. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return scrub(String(error));
  const text = scrub(`${error.name}: ${error.message}`);
  return error.cause instanceof Error ? `${text} (cause: ${scrub(error.cause.message)})` : text;
}

function write(level: Level, event: LogEvent, fields: LogFields) {
  if (!shouldLog(level, (env as Partial<Env>).LOG_LEVEL)) return;
  const { error, ...rest } = fields;
  const line: Record<string, unknown> = { level, event, ...rest };
  if (error !== undefined) {
    line.error = describe(error);
    // The frames only: V8's stack starts with the message, unscrubbed, which the error field already has.
    if (level === 'error' && error instanceof Error && error.stack)
      line.stack = scrub(
        error.stack
          .split('\n')
          .filter((l) => FRAME.test(l))
          .join('\n'),
      );
  }
  const text = JSON.stringify(line);
  if (level === 'error') console.error(text);
  else if (level === 'warn') console.warn(text);
  else console.log(text);
}

/** The logger: `log.info('message.committed', { conversationId, seq })`. */
export const log = {
  info: (event: LogEvent, fields: LogFields = {}) => write('info', event, fields),
  warn: (event: LogEvent, fields: LogFields = {}) => write('warn', event, fields),
  error: (event: LogEvent, fields: LogFields = {}) => write('error', event, fields),
};
