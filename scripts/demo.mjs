// Make sure the demo workspace, its owner and its site exist, through the public API.

/** The demo login printed by `npm start`. */
export const DEMO = { workspace: 'Demo', name: 'Demo Agent', email: 'demo@parley.local', password: 'parley-demo' };

async function call(base, path, body, token, method = body ? 'POST' : 'GET') {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/**
 * Log in as the demo owner (registering on first run) and return the demo site, which allows the demo page's origins
 * on `origin` (the URL being served now: `npm start` with another PORT than the first time adds the new ones).
 */
export async function ensureDemo(base, origin = base) {
  let auth = await call(base, '/api/auth/login', { email: DEMO.email, password: DEMO.password });
  if (auth.status === 401) auth = await call(base, '/api/auth/register', DEMO);
  if (!auth.body.token) throw new Error(`demo login failed: ${JSON.stringify(auth.body)}`);
  const { token } = auth.body;
  const { body } = await call(base, '/api/sites', undefined, token);
  const origins = [origin, origin.replace('127.0.0.1', 'localhost')];
  let site =
    body.sites?.[0] ??
    (await call(base, '/api/sites', { name: 'Demo site', allowedOrigins: origins }, token)).body.site;
  const missing = origins.filter((o) => !site.allowedOrigins.includes(o));
  if (missing.length) {
    const res = await call(
      base,
      `/api/sites/${site.id}`,
      { allowedOrigins: [...site.allowedOrigins, ...missing] },
      token,
      'PATCH',
    );
    if (!res.body.site) throw new Error(`allowing ${missing.join(', ')} failed: ${JSON.stringify(res.body)}`);
    site = res.body.site;
    console.log(`Demo site: now also allows ${missing.join(' and ')}`);
  }
  return { token, site };
}
