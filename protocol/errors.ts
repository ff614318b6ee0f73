// Every error code Parley sends, in REST bodies ({error:{code,message}}) and in socket `error` frames, with the one
// table of HTTP statuses. No zod here: the widget and the console import these types (protocol/visitor.ts builds
// its zod enum from FRAME_ERROR_CODES).

/** Every error code, each once; a new code is added here first (and to STATUS_OF, which then fails to compile). */
export const ERROR_CODES = [
  // Generic, by status
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'too_large',
  'unsupported_type',
  'rate_limited',
  'internal',
  'misconfigured',
  // Input
  'bad_cursor',
  'email_required',
  'prechat_required',
  'invalid_setup_token',
  'invalid_invite',
  'unknown_department',
  'unknown_agent',
  'upgrade_required',
  'invalid_ip',
  'invalid_email',
  'invalid_visitor',
  'continuation_invalid',
  'invalid_url',
  'confirmation_mismatch',
  // Who may do this
  'identity_required',
  'identity_invalid',
  'origin_not_allowed',
  'turnstile_required',
  'turnstile_failed',
  'signup_closed',
  'not_your_message',
  'chat_unavailable',
  'account_locked',
  // API tokens (docs/integrations.md "API tokens")
  'token_revoked',
  'token_expired',
  'insufficient_scope',
  'token_not_allowed',
  'token_limit',
  // State
  'invalid_transition',
  'already_assigned',
  'not_resolved',
  'already_rated',
  'closed',
  'already_blocked',
  'last_owner',
  'email_taken',
  'name_taken',
  'shortcut_taken',
  'self_deactivation',
  'default_department',
  'turnstile_not_configured',
  'edit_window_passed',
  'already_replied',
  'not_editable',
  'continuation_used',
  'webhook_limit',
  // A dependency
  'turnstile_unavailable',
] as const;

/** A machine-readable error code (docs/protocol.md "Errors"). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status of each code in a REST answer: one table for every route and every Durable Object result. */
export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  internal: 500,
  misconfigured: 500,
  bad_cursor: 400,
  email_required: 400,
  prechat_required: 400,
  invalid_setup_token: 400,
  invalid_invite: 400,
  unknown_department: 400,
  unknown_agent: 400,
  upgrade_required: 400,
  invalid_ip: 400,
  invalid_email: 400,
  invalid_visitor: 400,
  continuation_invalid: 400,
  invalid_url: 400,
  confirmation_mismatch: 400,
  identity_required: 403,
  identity_invalid: 403,
  origin_not_allowed: 403,
  turnstile_required: 403,
  turnstile_failed: 403,
  signup_closed: 403,
  not_your_message: 403,
  chat_unavailable: 403,
  account_locked: 429,
  token_revoked: 401,
  token_expired: 401,
  insufficient_scope: 403,
  token_not_allowed: 403,
  token_limit: 409,
  invalid_transition: 409,
  already_assigned: 409,
  not_resolved: 409,
  already_rated: 409,
  closed: 409,
  already_blocked: 409,
  last_owner: 409,
  email_taken: 409,
  name_taken: 409,
  shortcut_taken: 409,
  self_deactivation: 409,
  default_department: 409,
  turnstile_not_configured: 409,
  edit_window_passed: 409,
  already_replied: 409,
  not_editable: 409,
  continuation_used: 409,
  webhook_limit: 409,
  turnstile_unavailable: 503,
};

/** The codes a socket `error` frame carries (conversation and site sockets). */
export const FRAME_ERROR_CODES = [
  'bad_request',
  'forbidden',
  'rate_limited',
  'too_large',
  'closed',
  'not_found',
  'internal',
  'chat_unavailable',
  // Refusals of an `edit` frame (docs/protocol.md "Editing").
  'not_your_message',
  'edit_window_passed',
  'already_replied',
  'not_editable',
] as const satisfies readonly ErrorCode[];

/** A code a socket `error` frame carries. */
export type FrameErrorCode = (typeof FRAME_ERROR_CODES)[number];

/**
 * Every code a visitor's widget can receive: its REST routes (/api/widget/*, files) and its socket's frames. The
 * widget has a text for each (widget/src/strings.ts checks it at compile time).
 */
export const VISITOR_ERROR_CODES = [
  ...FRAME_ERROR_CODES,
  'unauthorized',
  'method_not_allowed',
  'conflict',
  'unsupported_type',
  'misconfigured',
  'upgrade_required',
  'email_required',
  'prechat_required',
  'identity_required',
  'identity_invalid',
  'origin_not_allowed',
  'turnstile_required',
  'turnstile_failed',
  'not_resolved',
  'already_rated',
  'turnstile_unavailable',
  'continuation_invalid',
  'continuation_used',
] as const satisfies readonly ErrorCode[];

/** A code the widget may receive. */
export type VisitorErrorCode = (typeof VISITOR_ERROR_CODES)[number];
