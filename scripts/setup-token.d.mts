// Types of setup-token.mjs, for the worker's tests that import it.
export declare const SETUP_LINK_DAYS: number;
export declare function hashSetupToken(token: string): Promise<string>;
export declare function newSetupToken(opts?: {
  days?: number;
  now?: number;
}): Promise<{ token: string; hash: string; expiresAt: number; sql: string }>;
export declare const setupLinkUrl: (origin: string, token: string) => string;
