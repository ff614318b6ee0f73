/** A new opaque id with a short type prefix, e.g. `cv_…` for a conversation. */
export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`;

/** A public site key: what the embed snippet carries; not a secret. */
export const newSiteKey = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'pk_' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/** Now as an ISO-8601 string, the one time format stored and sent. */
export const nowIso = () => new Date().toISOString();
