import { env } from 'cloudflare:workers';

// Test seeding straight into D1 (a few hundred conversations through the real routes would take minutes):
// rows as the projection writes them.

/** `n` conversations of one visitor each on a site, created a day apart from `firstDay`, `perConversation` messages each. */
export async function seedConversations(
  site: { id: string; workspaceId: string },
  n: number,
  opts: { perConversation?: number; firstDay?: string; prefix?: string } = {},
) {
  const per = opts.perConversation ?? 2;
  const first = Date.parse(`${opts.firstDay ?? '2025-01-01'}T12:00:00.000Z`);
  const prefix = opts.prefix ?? `s${Math.random().toString(36).slice(2, 8)}`;
  const statements: D1PreparedStatement[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(first + i * 86_400_000).toISOString();
    const vid = `vi_${prefix}_${i}`;
    const cid = `cv_${prefix}_${String(i).padStart(5, '0')}`;
    ids.push(cid);
    statements.push(
      env.DB.prepare(
        'INSERT INTO visitors (id, site_id, name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).bind(vid, site.id, `Visitor ${i}`, `v${i}-${prefix}@example.com`, at, at),
      env.DB.prepare(
        `INSERT INTO conversations (id, workspace_id, site_id, visitor_id, status, created_at, updated_at, last_seq,
           message_count, visitor_unread, agent_unread, visitor_read_seq, agent_read_seq, rev, notes)
         VALUES (?, ?, ?, ?, 'resolved', ?, ?, ?, ?, 0, 0, 0, 0, 1, ?)`,
      ).bind(cid, site.workspaceId, site.id, vid, at, at, per, per, `=notes, "${prefix}" ${i}`),
    );
    for (let s = 1; s <= per; s++)
      statements.push(
        env.DB.prepare(
          `INSERT INTO messages (conversation_id, seq, id, sender_type, sender_id, kind, body, created_at)
           VALUES (?, ?, ?, ?, ?, 'text', ?, ?)`,
        ).bind(
          cid,
          s,
          `msg_${prefix}_${i}_${s}`,
          s % 2 ? 'visitor' : 'agent',
          s % 2 ? vid : null,
          `${prefix} message ${s},\n"quoted"`,
          at,
        ),
      );
  }
  for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
  return { ids, prefix };
}
