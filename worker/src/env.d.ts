// Optional secrets that `wrangler types` cannot see (they are in neither wrangler.toml nor .dev.vars).
interface Env {
  /** Resend API key, when EMAIL_PROVIDER = "resend". */
  RESEND_API_KEY?: string;
  /** The secret AUTH_SECRET replaced, during a rotation: still verifies what it signed (docs/operations.md). */
  AUTH_SECRET_PREVIOUS?: string;
  /** Turnstile's secret key, with the TURNSTILE_SITE_KEY var (docs/widget.md, Turnstile). */
  TURNSTILE_SECRET_KEY?: string;
}
