// The runtime's floor for `npm run bench`: the least a Durable Object chat can do per message in the
// same local runtime as Parley (wrangler dev, workerd). One object per conversation, hibernatable
// sockets, and each message stored in the object's SQLite (deduplicated by clientId, a seq) before its
// ack and its copy to the other side: the peer's semantics, none of Parley's product. Parley's CPU per
// message over the floor's says how much is Parley's code and how much is the runtime's.
import { DurableObject } from 'cloudflare:workers';

export class Room extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY, sender TEXT NOT NULL, client_id TEXT NOT NULL,
      body TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (sender, client_id))`);
  }

  async fetch(request) {
    const side = new URL(request.url).pathname.split('/')[3];
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [side]);
    server.send(JSON.stringify({ type: 'hello' }));
    return new Response(null, { status: 101, webSocket: client, headers: { 'Sec-WebSocket-Protocol': 'parley.v1' } });
  }

  async webSocketMessage(ws, data) {
    const f = JSON.parse(data);
    if (f.type !== 'send') return;
    const side = this.ctx.getTags(ws)[0];
    const sql = this.ctx.storage.sql;
    const known = sql
      .exec('SELECT seq FROM messages WHERE sender = ? AND client_id = ?', side, f.clientId)
      .toArray()[0];
    const seq = known
      ? known.seq
      : sql
          .exec(
            'INSERT INTO messages (sender, client_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING seq',
            side,
            f.clientId,
            f.body,
            Date.now(),
          )
          .one().seq;
    ws.send(JSON.stringify({ type: 'ack', clientId: f.clientId, seq }));
    if (known) return;
    const text = JSON.stringify({ type: 'message', message: { seq, body: f.body } });
    for (const other of this.ctx.getWebSockets(side === 'visitor' ? 'agent' : 'visitor')) other.send(text);
  }
}

export default {
  /** /c/<conversation>/<visitor|agent>: a socket on the conversation's object. */
  async fetch(request, env) {
    const [, c, id] = new URL(request.url).pathname.split('/');
    if (c !== 'c' || request.headers.get('Upgrade') !== 'websocket') return new Response('floor', { status: 200 });
    return env.ROOMS.getByName(id).fetch(request);
  },
};
