// Make sure the demo workspace, its owner and its site exist, through the public API.

/** The demo login printed by `npm start`. */
export const DEMO = { workspace: 'Demo', name: 'Demo Agent', email: 'demo@parley.local', password: 'parley-demo' };

async function call(base, path, body, token) {
  const res = await fetch(base + path, {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

/** Log in as the demo owner (registering on first run) and return the demo site. */
export async function ensureDemo(base) {
  let auth = await call(base, '/api/auth/login', { email: DEMO.email, password: DEMO.password });
  if (auth.status === 401) auth = await call(base, '/api/auth/register', DEMO);
  if (!auth.body.token) throw new Error(`demo login failed: ${JSON.stringify(auth.body)}`);
  const { token } = auth.body;
  const { body } = await call(base, '/api/sites', undefined, token);
  const origins = [base, base.replace('127.0.0.1', 'localhost')];
  const site = body.sites?.[0] ?? (await call(base, '/api/sites', { name: 'Demo site', allowedOrigins: origins }, token)).body.site;
  return { token, site };
}
