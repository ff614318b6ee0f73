// The console's sockets: the shared connection machine (client/connection.ts) with the console's URL, token and
// indicator. Callers resume on the hello frame (the state is already open then, so they may send).
import { createConnection, type Connection } from '../../../client/connection';
import { toStatus, type ConnStatus } from '../../../client/status';
import { BEARER_PREFIX, REVOKED_CLOSE, SUBPROTOCOL } from '../../../protocol/limits';
import { api, signalUnauthorized, tokenStore, wsUrl } from '../api';

/** What the UI shows: dialing, connected (hello received), or waiting to retry. */
export type SocketState = ConnStatus;

/** A running console socket (send() is false unless open: the caller keeps the frame). */
export type ConsoleSocket = Connection;

/** Where to connect and who hears what. */
export type ConsoleSocketOptions<F> = {
  /** The API path, built on every dial so it carries the latest resume point (?after=). */
  path: () => string;
  onFrame: (frame: F) => void;
  onStatus: (state: SocketState) => void;
};

/** Opens a self-healing socket to the API; stop() closes it for good. */
export function openConsoleSocket<F extends { type: string }>(o: ConsoleSocketOptions<F>): ConsoleSocket {
  let shown: SocketState | undefined;
  const socket = createConnection<F>(
    // target:
    async (renew) => {
      // A console token is not renewed; a dial refused before hello may mean it expired, and a REST call says
      // so (its 401 signs the agent out) instead of the socket retrying forever. A network error just backs off.
      if (renew) await api.me();
      return [wsUrl(o.path()), [SUBPROTOCOL, BEARER_PREFIX + (tokenStore.get() ?? '')]];
    },
    o.onFrame,
    // onStateChange:
    (state, code) => {
      // The agent was deactivated: every socket closed with 4003 and stopped; the session ends.
      if (code === REVOKED_CLOSE) signalUnauthorized();
      const next = toStatus(state, shown);
      if (next !== shown) o.onStatus((shown = next));
    },
  );
  socket.start();
  return socket;
}
