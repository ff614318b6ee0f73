// The reference peer of `npm run bench`: what a team would build without Durable Objects
// (seed 004's design without Redis). Socket.IO, one room per conversation, and every message
// committed to SQLite (WAL, synchronous=FULL: fsync on every commit) with a per-conversation
// seq BEFORE its ack to the sender and its broadcast to the room. Its own process, so the
// bench measures its CPU alone. Env: PORT (0 = any free port), PEER_DB (the SQLite file).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import { Server } from 'socket.io';

const db = new DatabaseSync(process.env.PEER_DB ?? 'peer.sqlite');
db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
db.exec(`
  CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL DEFAULT 0, last_activity_at INTEGER);
  CREATE TABLE IF NOT EXISTS messages (
    conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, sender TEXT NOT NULL,
    client_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq), UNIQUE (conversation_id, sender, client_id));
`);
const q = {
  open: db.prepare('INSERT OR IGNORE INTO conversations (id) VALUES (?)'),
  known: db.prepare('SELECT id, seq FROM messages WHERE conversation_id = ? AND sender = ? AND client_id = ?'),
  next: db.prepare(
    'UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ? WHERE id = ? RETURNING last_seq',
  ),
  insert: db.prepare(
    'INSERT INTO messages (conversation_id, seq, id, sender, client_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
};

/** Store one message in one transaction (one fsync); a retried clientId returns the stored one. */
function commit(conversation, sender, clientId, body) {
  const known = q.known.get(conversation, sender, clientId);
  if (known) return { id: known.id, seq: known.seq, fresh: false };
  const now = Date.now();
  const id = randomUUID();
  db.exec('BEGIN IMMEDIATE');
  try {
    const { last_seq: seq } = q.next.get(now, conversation);
    q.insert.run(conversation, seq, id, sender, clientId, body, now);
    db.exec('COMMIT');
    return { id, seq, createdAt: now, fresh: true };
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });

io.on('connection', (socket) => {
  const { conversation, side } = socket.handshake.auth ?? {};
  if (typeof conversation !== 'string' || !conversation || (side !== 'visitor' && side !== 'agent'))
    return socket.disconnect(true);
  q.open.run(conversation);
  const room = `c:${conversation}`;
  socket.join(room);
  socket.on('send', (frame, ack) => {
    if (typeof ack !== 'function') return;
    const { clientId, body } = frame ?? {};
    if (
      typeof clientId !== 'string' ||
      !clientId ||
      clientId.length > 64 ||
      typeof body !== 'string' ||
      !body ||
      body.length > 4000
    ) {
      return ack({ error: 'bad_request' });
    }
    const m = commit(conversation, side, clientId, body);
    ack({ id: m.id, seq: m.seq });
    if (m.fresh)
      io.to(room).emit('message', { id: m.id, seq: m.seq, sender: side, clientId, body, createdAt: m.createdAt });
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`peer ready on ${http.address().port}`);
});
const stop = () => {
  io.close();
  db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
