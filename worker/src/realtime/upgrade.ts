import { errors } from '../lib/errors';

/** Who is on the other end of a socket, decided by the worker before the upgrade. */
export type SocketIdentity = { role: 'visitor' | 'agent'; id: string; name: string | null; workspaceId: string };

/** The header the worker uses to tell a Durable Object who is connecting (never taken from clients). */
export const IDENTITY_HEADER = 'X-Parley-Identity';

/**
 * Forward an authorised WebSocket upgrade to its Durable Object. The raw request goes
 * through (Hono's own WebSocket helper would end the socket here, in the Worker,
 * which cannot hibernate); only the identity header is replaced.
 */
export async function forwardToDurableObject(
  req: Request,
  stub: { fetch(r: Request): Promise<Response> },
  who: SocketIdentity,
) {
  if (req.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
    throw errors.badRequest('Expected a WebSocket upgrade', 'upgrade_required');
  }
  const headers = new Headers(req.headers);
  headers.set(IDENTITY_HEADER, JSON.stringify(who));
  const res = await stub.fetch(new Request(req, { headers }));
  // A Durable Object's response has immutable headers; middleware (secure headers,
  // CORS) adds to them on the way out, so hand back a mutable copy.
  return new Response(res.body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
    webSocket: res.webSocket,
  });
}

/** Read the identity the worker attached; null when absent (a request that did not come through the worker). */
export function readIdentity(req: Request): SocketIdentity | null {
  const raw = req.headers.get(IDENTITY_HEADER);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SocketIdentity;
  } catch {
    return null;
  }
}
