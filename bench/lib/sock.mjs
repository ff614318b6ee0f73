// The driver's view of one client socket, whatever the target: send(clientId, body), and
// events (ack, refused, message, frame) delivered to whatever handler the driver set.

/** Handlers that ignore everything (between steps and during setup). */
export const idle = { ack() {}, refused() {}, message() {}, frame() {} };

/**
 * A Parley socket (Node's WebSocket, undici): subprotocols ["parley.v1", "bearer.<token>"] and an
 * Origin header, as the widget and the console send them. Resolves once the server said hello.
 */
export function parleySocket(url, token, origin, { raw = false } = {}) {
  const ws = new WebSocket(url, { protocols: ['parley.v1', `bearer.${token}`], headers: { Origin: origin } });
  const sock = {
    h: idle,
    frames: 0,
    bytes: 0,
    send(clientId, body) {
      ws.send(JSON.stringify({ type: 'send', clientId, body }));
    },
    close() {
      try {
        ws.close(1000);
      } catch {
        /* closed */
      }
    },
  };
  return new Promise((resolve, reject) => {
    let hello = false;
    ws.addEventListener('message', (e) => {
      sock.frames++;
      sock.bytes += Buffer.byteLength(e.data);
      // Site sockets in the big-site scenario only count what they get (parsing 50 copies would load the driver).
      if (hello && raw) return sock.h.frame(e.data);
      const f = JSON.parse(e.data);
      if (f.type === 'hello') {
        hello = true;
        return resolve(sock);
      }
      if (f.type === 'ack') return sock.h.ack(f.clientId);
      if (f.type === 'message') return sock.h.message(f.message.body);
      if (f.type === 'error' && f.clientId) return sock.h.refused(f.clientId, f.code);
    });
    ws.addEventListener('close', (e) => {
      if (!hello) reject(new Error(`socket ${url} closed with ${e.code} before hello`));
    });
    ws.addEventListener('error', () => {
      if (!hello) reject(new Error(`socket ${url} failed`));
    });
  });
}

/** A Socket.IO socket on the peer (WebSocket transport only, like Parley's clients). */
export async function peerSocket(io, base, conversation, side) {
  const socket = io(base, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { conversation, side },
  });
  const sock = {
    h: idle,
    send(clientId, body) {
      socket.emit('send', { clientId, body }, (res) =>
        res?.error ? sock.h.refused(clientId, res.error) : sock.h.ack(clientId),
      );
    },
    close() {
      socket.close();
    },
  };
  socket.on('message', (m) => sock.h.message(m.body));
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return sock;
}
