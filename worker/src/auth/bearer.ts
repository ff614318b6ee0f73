import { BEARER_PREFIX, SUBPROTOCOL } from '../../../protocol/limits';

/**
 * The bearer token of a request: the Authorization header, or for a WebSocket
 * upgrade the `bearer.<token>` subprotocol (browsers cannot set headers on a
 * WebSocket, and tokens never go in URLs).
 */
export function bearerToken(req: Request): string | null {
  const auth = req.headers.get('Authorization');
  // The scheme name is case-insensitive (RFC 9110 11.1): `bearer x` is as good as `Bearer x`.
  if (auth && /^bearer /i.test(auth)) return auth.slice(7).trim() || null;
  if (req.headers.get('Upgrade')?.toLowerCase() === 'websocket') {
    const offered = (req.headers.get('Sec-WebSocket-Protocol') ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(SUBPROTOCOL)) return null;
    const bearer = offered.find((p) => p.startsWith(BEARER_PREFIX));
    return bearer ? bearer.slice(BEARER_PREFIX.length) || null : null;
  }
  return null;
}
