/** Limits shared by the worker, the widget and the console (checked on both sides). */
export const LIMITS = {
  /** Longest message body, in characters. */
  bodyMax: 4000,
  /** Longest clientId a sender may choose. */
  clientIdMax: 64,
  /** Largest WebSocket frame the server reads, in bytes. */
  frameMax: 16 * 1024,
  /** Messages per second a visitor may send on average... */
  visitorRatePerSecond: 1,
  /** ...with this burst on top. */
  visitorBurst: 5,
  /** Bad frames tolerated on one socket before it is closed with 1008. */
  badFramesBeforeClose: 20,
  /** Largest page of history one request returns. */
  historyPageMax: 100,
  /**
   * How long after sending its author may edit a message (docs/protocol.md "Editing"): 15 minutes, long enough to
   * fix a typo or a wrong figure, short enough that a conversation's record stays what both sides read.
   */
  editWindowMs: 15 * 60_000,
} as const;

/**
 * Per-visitor quotas, exact (kept by the visitor's VisitorDO) and counted across all their
 * conversations; docs/decisions.md says why these figures.
 */
export const VISITOR_QUOTAS = {
  /** New conversations a visitor may start in `startWindowHours` (returning their open one is free). */
  starts: 6,
  startWindowHours: 12,
  /** Offline-form messages a visitor may leave per hour. */
  offlinePerHour: 5,
  /** At most one "new offline message" email to the team per conversation in this many minutes. */
  offlineEmailMinutes: 15,
  /** How long a client key (a retried start) keeps answering with its first result. */
  clientKeyHours: 24,
} as const;

/** The WebSocket subprotocol every client offers and the server answers with. */
export const SUBPROTOCOL = 'parley.v1';
/** Prefix of the subprotocol that carries the bearer token. */
export const BEARER_PREFIX = 'bearer.';
/** The exact ping frame; answered by PONG_FRAME without waking the Durable Object. */
export const PING_FRAME = '{"type":"ping"}';
/** Close code of an agent's sockets when the agent is deactivated: do not reconnect. */
export const REVOKED_CLOSE = 4003;
/** Close code of a visitor socket refused or closed because of a block: do not reconnect. */
export const BLOCKED_CLOSE = 4403;
/** The exact pong frame. */
export const PONG_FRAME = '{"type":"pong"}';

/** The header of an export's answer that says how many rows it will hold (for the console's progress). */
export const EXPORT_TOTAL_HEADER = 'X-Export-Rows';
