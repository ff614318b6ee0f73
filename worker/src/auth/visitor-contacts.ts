// An API token sees visitors' names and emails only with `visitors:read` (docs/integrations.md "Scopes"): a token
// made to sync conversation counts into a dashboard must not carry a list of customers' addresses. Applied once, to
// every response a token gets, so no route (today's or a later one) can forget it.
import { createMiddleware } from 'hono/factory';
import type { AgentIdentity } from './middleware';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A copy of a JSON value without visitors' contact fields: every `visitor` object keeps its `id` and loses `name`
 * and `email` (set to null, the schema's "not known"), and a message whose `sender.type` is 'visitor' loses
 * `sender.name`. Everything else (ids, text, status) is kept.
 */
export function withoutVisitorContacts(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutVisitorContacts);
  if (!value || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, v] of Object.entries(value)) out[key] = withoutVisitorContacts(v);
  const visitor = out.visitor;
  if (visitor && typeof visitor === 'object' && !Array.isArray(visitor)) {
    out.visitor = { ...visitor, ...('name' in visitor && { name: null }), ...('email' in visitor && { email: null }) };
  }
  const sender = out.sender;
  if (sender && typeof sender === 'object' && !Array.isArray(sender) && sender.type === 'visitor') {
    const { name: _name, ...rest } = sender;
    out.sender = rest;
  }
  return out;
}

/** After the route: a JSON answer to an API token without `visitors:read` is rewritten without visitors' contacts. */
export const visitorContactsByScope = () =>
  createMiddleware<{ Bindings: Env; Variables: { agent?: AgentIdentity } }>(async (c, next) => {
    await next();
    const who = c.var.agent;
    if (who?.kind !== 'token' || who.scopes.includes('visitors:read')) return;
    if (!c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    const body = withoutVisitorContacts((await c.res.json()) as Json);
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
  });
