// The visitor's session for one site: the token kept in localStorage, the identified user, whether the server refuses
// this visitor or page, and REST calls that renew an expired token. Knows nothing of the chat: what a new session
// means for the conversation is the owner's `renew`, handed in.
import { apiError, type Api, type Session, type User } from '../api';
import type { Page } from '../pageTracker';
import { load, save, uuid } from '../storage';

/**
 * Session refusals no retry can change: the visitor must be identified first (identity_*), or the site refuses this
 * page altogether (origin_not_allowed: the page's origin is not in the site's allowed origins; not_found: no such site),
 * or this visitor (chat_unavailable: blocked; turnstile_failed: the bot check said no, a reload runs it again).
 */
export const DENIED = [
  'identity_required',
  'identity_invalid',
  'origin_not_allowed',
  'not_found',
  'chat_unavailable',
  'turnstile_failed',
];

/** Whether a refusal is of the page itself (not of this visitor): the widget then hides. */
export const pageRefused = (denied: string | null): boolean => denied == 'origin_not_allowed' || denied == 'not_found';

/** A 4xx answer (rate_limited, chat_unavailable...): retrying on our own cannot help, unlike a network failure or a 5xx. */
export const refusal = (e: unknown): boolean => (apiError(e)?.status || 500) < 500;

/** The visitor's session state. */
export type VisitorSession = ReturnType<typeof createSession>;

/** Thrown by open() when a reset or a new user came while it was asked: the answer is not the current visitor's. */
export const STALE = new Error('stale session');

/**
 * Creates the session state of a site. Positional parameters, not an options object: its property names would
 * survive minification twice (call and destructuring), ~30 B gzipped in the widget.
 * @param key The localStorage key of the token.
 * @param challenge A Turnstile token when the site requires one of new visitors, else undefined.
 * @param renew Opens a new session the owner's way (it adopts the visitor and conversation): called on a 401.
 * @param blocked Any request answered chat_unavailable (a blocked visitor): the owner stops for good.
 */
export function createSession(
  api: Api,
  site: string,
  key: string,
  challenge: () => Promise<string | undefined>,
  renew: () => Promise<unknown>,
  blocked: () => void,
) {
  // Bumped by forget() and identify(): an answer to a session asked before is an earlier visitor's.
  let epoch = 0;
  // Set when a continuation link opened on a device that has a visitor of its own: the link's session is this page's
  // only and never replaces the stored token, so a link someone else sent cannot make the device theirs for good.
  let borrowed = false;
  const s = {
    token: load(key),
    /** Set by Parley('identify'); sent with every session request. */
    user: undefined as User | undefined,
    /** The refusal's code (one of DENIED) while the server refuses this visitor or page, else null. */
    denied: null as string | null,
    /** Set once a continuation link opened the session: it reaches that one conversation and starts none. */
    linked: false,
    /** POST /session with the stored token (and user): the same visitor comes back with a fresh token; a stale one is dropped once. */
    async open(page: Page): Promise<Session> {
      // Without a token of ours we are a new visitor: challenged first when the site asks for it.
      const open = async (token?: string): Promise<Session> =>
        api.session(site, token, page, s.user, token ? undefined : await challenge()).catch((e) => {
          // A refused token: once more as a new visitor (challenged if needed).
          if (token && (apiError(e)?.status == 401 || apiError(e)?.code == 'turnstile_required')) return open();
          throw e;
        });
      const asked = epoch;
      try {
        const r = await open(s.token || undefined);
        // Saved, its token would undo a reset (logout) or the identify that came while it was on its way.
        if (asked != epoch) throw STALE;
        s.denied = null;
        s.token = r.token;
        if (!borrowed) save(key, r.token);
        return r;
      } catch (e) {
        const code = apiError(e)?.code;
        if (code && DENIED.includes(code) && asked == epoch) s.denied = code;
        throw e;
      }
    },
    /** Exchanges a continuation link's token for a session limited to its conversation; this device's key goes along. */
    async exchange(token: string, page: Page): Promise<Session> {
      const device = load('parley:device') || uuid();
      save('parley:device', device);
      const r = await api.cont(site, token, device, page);
      borrowed = !!load(key);
      s.linked = true;
      s.token = r.token;
      if (!borrowed) save(key, r.token);
      return r;
    },
    /** Runs a REST call with the token, renewing the session once when it has expired (no token yet: the 401 renews too). */
    async authed<T>(f: (token: string) => Promise<T>): Promise<T> {
      try {
        return await f(s.token!);
      } catch (e) {
        if (apiError(e)?.code == 'chat_unavailable') s.block();
        if (apiError(e)?.status != 401) throw e;
        await renew();
        return f(s.token!);
      }
    },
    /** A blocked visitor (403 chat_unavailable anywhere, or the socket's error frame and close 4403). */
    block() {
      s.denied = 'chat_unavailable';
      blocked();
    },
    /** Sets the verified user (Parley('identify')): the next session is theirs. */
    identify(user: User) {
      epoch++;
      s.user = user;
      s.linked = borrowed = false;
    },
    /** Forgets the token and user (logout via Parley('reset')). */
    forget() {
      epoch++;
      s.token = s.denied = null;
      s.user = undefined;
      s.linked = borrowed = false;
      save(key, null);
    },
  };
  return s;
}

/** Tells the page's developer, in the browser console, why the site refuses this page (the widget hides). */
export function explain(denied: string | null, site: string): void {
  if (!pageRefused(denied)) return;
  console.error(
    `[parley] Chat is unavailable on ${location.origin}: ` +
      (denied == 'not_found'
        ? `there is no site with the key "${site}" (the data-site attribute of the widget's script tag).`
        : `this origin is not allowed to use site ${site}. Add ${location.origin} to the site's allowed origins in the console's Settings page.`),
  );
}
