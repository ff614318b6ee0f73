// The visitor's session: the stored token, the identified user, and whether the site refuses this visitor.
import { ApiError, type Api, type Session as Answer, type User } from './api';
import type { Page } from './pageTracker';
import { load, save } from './storage';

/** Error codes that mean "this visitor may not chat until the page identifies them". */
export const DENIED = ['identity_required', 'identity_invalid'];

/** Token and identity of one site's visitor. */
export class Session {
  token: string | null;
  /** Set by Parley('identify'); sent with every session request. */
  user?: User;
  /** identity_required / identity_invalid while the server refuses the visitor, else null. */
  denied: string | null = null;

  constructor(
    private api: Api,
    private site: string,
    private key: string,
  ) {
    this.token = load(key);
  }

  /** POST /session with the stored token (and user): the same visitor comes back with a fresh token. */
  async open(page: Page): Promise<Answer> {
    try {
      const r = await this.api.session(this.site, this.token, page, this.user);
      this.denied = null;
      this.token = r.token;
      save(this.key, r.token);
      return r;
    } catch (e) {
      if (e instanceof ApiError && DENIED.includes(e.code)) this.denied = e.code;
      throw e;
    }
  }

  /** Forgets the token (logout via Parley('reset')). */
  forget(): void {
    this.token = null;
    this.user = undefined;
    this.denied = null;
    save(this.key, null);
  }
}
