import { runInDurableObject } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { api, connect, ORIGIN, paths, unique, visitorSession, waitFor, workspaceWithSite } from '../../test/helpers';

/** A word nobody else writes, lower case (the word indexes fold case). */
export const uniqueWord = () => `zq${unique()}`.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Tables that only hold Parley's own bookkeeping, never anyone's words. */
const SKIP = /^(sqlite_|_cf_|d1_migrations)/;

/**
 * Every place in D1 where `word` still is: each table's every column (FTS5 shadow tables' blobs included, as
 * bytes), plus a MATCH on each word index and a look in their vocabularies.
 */
export async function d1Traces(word: string): Promise<string[]> {
  const tables = (
    await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all<{
      name: string;
      sql: string;
    }>()
  ).results;
  const found: string[] = [];
  for (const t of tables) {
    if (SKIP.test(t.name)) continue;
    if (/VIRTUAL TABLE/i.test(t.sql ?? '')) {
      if (/fts5vocab/i.test(t.sql)) {
        const hit = await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${t.name}" WHERE term = ?`)
          .bind(word)
          .first<{ n: number }>();
        if (hit?.n) found.push(`${t.name} (vocabulary)`);
      } else {
        const hit = await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${t.name}" WHERE "${t.name}" MATCH ?`)
          .bind(`"${word}"`)
          .first<{ n: number }>();
        if (hit?.n) found.push(`${t.name} (match)`);
      }
      continue;
    }
    const columns = (await env.DB.prepare(`SELECT name FROM pragma_table_info('${t.name}')`).all<{ name: string }>())
      .results;
    for (const c of columns) {
      const hit = await env.DB.prepare(
        `SELECT COUNT(*) AS n FROM "${t.name}" WHERE instr(CAST("${c.name}" AS BLOB), CAST(? AS BLOB)) > 0`,
      )
        .bind(word)
        .first<{ n: number }>();
      if (hit?.n) found.push(`${t.name}.${c.name}`);
    }
  }
  return found;
}

/** Every table and column of a Durable Object's SQLite where `word` still is. */
export function doTraces(stub: DurableObjectStub, word: string): Promise<string[]> {
  return runInDurableObject(stub, (_o, state: DurableObjectState) => {
    const sql = state.storage.sql;
    const found: string[] = [];
    const tables = sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").toArray();
    for (const { name } of tables) {
      if (SKIP.test(name)) continue;
      const columns = sql.exec<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`).toArray();
      for (const c of columns) {
        const n = sql
          .exec<{ n: number }>(
            `SELECT COUNT(*) AS n FROM "${name}" WHERE instr(CAST("${c.name}" AS BLOB), CAST(? AS BLOB)) > 0`,
            word,
          )
          .one().n;
        if (n) found.push(`${name}.${c.name}`);
      }
    }
    return found;
  });
}

/** Upload a text file as the visitor or an agent. */
export const uploadText = (path: string, token: string, text: string, name: string) =>
  exports.default.fetch(`https://parley.test${path}`, {
    method: 'POST',
    body: text,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain', 'X-Filename': name, Origin: ORIGIN },
  });

/**
 * A visitor who wrote `word` everywhere Parley keeps words: name and email, an offline message (kept in the
 * VisitorDO's answer to its client key), a message edited (the replaced body kept), a file (name and contents),
 * the rating comment; and an agent who quoted it in a reply, a note and the conversation's notes; a transcript
 * email. Returns once D1 has it all (the search route finds the word).
 */
export async function visitorWhoWrote(word: string) {
  const { owner, site } = await workspaceWithSite();
  const visitor = await visitorSession(site.key);
  const agent = { token: owner.token };
  const started = await api(`/api/widget/conversations`, {
    token: visitor.token,
    body: { name: `Kim ${word}`, email: `${word}@example.com`, message: `offline ${word}`, clientKey: 'k1' },
  });
  if (started.status !== 201) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  const id = started.body.conversation.id as string;
  const v = await connect(paths.visitor(id), visitor.token);
  v.send({ type: 'send', clientId: 'v1', body: `hello ${word}` });
  const ack = await v.next((f) => f.type === 'ack' && f.clientId === 'v1');
  v.send({ type: 'edit', clientId: 'e1', messageId: ack.id, body: 'hello there' });
  await v.next((f) => f.type === 'message' && f.message.id === ack.id && f.message.editedAt);
  const a = await connect(paths.agent(id), owner.token);
  a.send({ type: 'send', clientId: 'a1', body: `reply ${word}`, kind: 'text' });
  a.send({ type: 'send', clientId: 'a2', body: `note ${word}`, kind: 'note' });
  await a.next((f) => f.type === 'ack' && f.clientId === 'a2');
  const file = await uploadText(`/api/widget/conversations/${id}/files`, visitor.token, `file ${word}`, `${word}.txt`);
  if (file.status !== 201) throw new Error(`upload failed: ${await file.text()}`);
  await file.arrayBuffer();
  const patched = await api(`/api/conversations/${id}`, {
    ...agent,
    method: 'PATCH',
    body: { notes: `notes ${word}` },
  });
  if (patched.status !== 200) throw new Error(`patch failed: ${JSON.stringify(patched.body)}`);
  await api(`/api/conversations/${id}/resolve`, { ...agent, method: 'POST' });
  const rated = await api(`/api/widget/conversations/${id}/rating`, {
    token: visitor.token,
    body: { score: 4, comment: `comment ${word}` },
  });
  if (rated.status !== 200) throw new Error(`rating failed: ${JSON.stringify(rated.body)}`);
  await api(`/api/widget/conversations/${id}/transcript`, { token: visitor.token, body: {} });
  await waitFor(async () => {
    const found = await api(`/api/sites/${site.id}/conversations?q=${word}`, agent);
    const c = (await api(`/api/conversations/${id}`, agent)).body.conversation;
    return found.body.conversations?.length === 1 && c.rating?.comment === `comment ${word}` && c.notes.includes(word);
  });
  v.close();
  a.close();
  return { owner, site, visitor, conversationId: id, messageId: ack.id as string };
}
