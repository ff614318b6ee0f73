import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, conversationFixture, visitorSession, workspaceWithSite } from '../../test/helpers';
import { patchAgent, teamMember } from '../../test/team-helpers';
import { block, blocksOf } from './test-helpers';

const auditOf = async (token: string, action: string) =>
  (await api(`/api/audit?action=${action}`, { token })).body.entries;

describe('the block list API', () => {
  it('creates, lists and lifts blocks, normalising values, with audit entries', async () => {
    const { owner, site, visitor } = await conversationFixture();
    const admin = await teamMember(owner.token, 'admin');
    const b = await block(admin.token, site.id, 'visitor', visitor.visitor.id, 'Spam links');
    expect(b).toMatchObject({
      siteId: site.id,
      kind: 'visitor',
      value: visitor.visitor.id,
      reason: 'Spam links',
      drops: 0,
      lastDropAt: null,
      createdBy: { id: admin.agent.id, name: admin.agent.name },
    });
    const cases: [string, string, string][] = [
      ['ip', ' 203.0.113.7 ', '203.0.113.7'],
      ['ip', '10.1.2.3/8', '10.0.0.0/8'],
      ['ip', '2001:DB8:0:0::1', '2001:db8::1'],
      ['ip', '2001:db8:abcd::/32', '2001:db8::/32'],
      ['ip', '::ffff:198.51.100.9', '198.51.100.9'],
      ['ip', '::ffff:192.0.2.0/120', '192.0.2.0/24'],
      ['ip', '192.0.2.44/32', '192.0.2.44'],
      ['email', 'Spam@Example.COM', 'spam@example.com'],
      ['ip', 'FE80::1%eth0', 'fe80::1'],
      ['ip', 'fe80::1:0:0:7%25en0/112', 'fe80::1:0:0:0/112'],
      ['ip', '11.0.0.0/8', '11.0.0.0/8'],
      ['ip', '2a00::/16', '2a00::/16'],
    ];
    for (const [kind, value, stored] of cases)
      expect((await block(owner.token, site.id, kind, value)).value).toBe(stored);
    const list = await blocksOf(owner.token, site.id);
    expect(list).toHaveLength(cases.length + 1);
    expect(list.map((x) => x.value)).toEqual(expect.arrayContaining(cases.map((c) => c[2])));

    const again = await api(`/api/sites/${site.id}/blocks`, {
      token: owner.token,
      body: { kind: 'ip', value: '10.9.9.9/8' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_blocked');

    const lifted = await api(`/api/sites/${site.id}/blocks/${b.id}`, { token: owner.token, method: 'DELETE' });
    expect(lifted.status).toBe(204);
    expect((await blocksOf(owner.token, site.id)).some((x) => x.id === b.id)).toBe(false);
    expect(
      (await api(`/api/sites/${site.id}/blocks/${b.id}`, { token: owner.token, method: 'DELETE' })).body.error.code,
    ).toBe('not_found');

    const created = await auditOf(owner.token, 'block.create');
    expect(created.find((e: any) => e.target.id === b.id)).toMatchObject({
      actor: { id: admin.agent.id },
      detail: { kind: 'visitor', reason: 'Spam links' },
    });
    expect((await auditOf(owner.token, 'block.delete'))[0]).toMatchObject({
      target: { type: 'block', id: b.id },
      actor: { id: owner.agent.id },
    });
  });

  it('refuses bad input with a specific code', async () => {
    const { owner, site } = await workspaceWithSite();
    const other = await workspaceWithSite();
    const foreignVisitor = (await visitorSession(other.site.key)).visitor.id;
    const bad: [unknown, string][] = [
      [{ kind: 'ip', value: '10.1' }, 'invalid_ip'],
      [{ kind: 'ip', value: '300.1.1.1' }, 'invalid_ip'],
      [{ kind: 'ip', value: '10.0.0.0/33' }, 'invalid_ip'],
      [{ kind: 'ip', value: '2001:db8::/129' }, 'invalid_ip'],
      [{ kind: 'ip', value: '10.0.0.0/8/8' }, 'invalid_ip'],
      [{ kind: 'ip', value: '0x0a.0.0.1' }, 'invalid_ip'],
      [{ kind: 'ip', value: '0.0.0.0/0' }, 'invalid_ip'],
      [{ kind: 'ip', value: '::/0' }, 'invalid_ip'],
      [{ kind: 'ip', value: '::ffff:0:0/96' }, 'invalid_ip'],
      [{ kind: 'ip', value: '128.0.0.0/1' }, 'invalid_ip'],
      [{ kind: 'ip', value: '10.0.0.0/7' }, 'invalid_ip'],
      [{ kind: 'ip', value: '2000::/3' }, 'invalid_ip'],
      [{ kind: 'ip', value: '010.0.0.1' }, 'invalid_ip'],
      [{ kind: 'ip', value: '[2001:db8::1]' }, 'invalid_ip'],
      [{ kind: 'email', value: 'not an email' }, 'invalid_email'],
      [{ kind: 'visitor', value: 'vi_nope' }, 'invalid_visitor'],
      [{ kind: 'visitor', value: foreignVisitor }, 'invalid_visitor'],
      [{ kind: 'country', value: 'FR' }, 'bad_request'],
      [{ kind: 'ip' }, 'bad_request'],
      [{ kind: 'ip', value: '1.2.3.4', reason: 'x'.repeat(501) }, 'bad_request'],
      ['{', 'bad_request'],
    ];
    for (const [body, code] of bad) {
      const res = await api(`/api/sites/${site.id}/blocks`, { token: owner.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await blocksOf(owner.token, site.id)).toEqual([]);
  });

  it("is for owners and admins of the site's workspace only", async () => {
    const { owner, site, visitor } = await conversationFixture();
    const b = await block(owner.token, site.id, 'email', 'x@example.com');
    const agent = await teamMember(owner.token, 'agent');
    const gone = await teamMember(owner.token, 'admin');
    expect((await patchAgent(owner.token, gone.agent.id, { active: false })).status).toBe(200);
    const stranger = await workspaceWithSite();
    const body = { kind: 'ip', value: '192.0.2.1' };
    const calls = [
      { path: `/api/sites/${site.id}/blocks` },
      { path: `/api/sites/${site.id}/blocks`, body },
      { path: `/api/sites/${site.id}/blocks/${b.id}`, method: 'DELETE' },
    ];
    const who: [string | undefined, number, string][] = [
      [undefined, 401, 'unauthorized'],
      [visitor.token, 403, 'forbidden'],
      [agent.token, 403, 'forbidden'],
      [gone.token, 401, 'unauthorized'],
      [stranger.owner.token, 404, 'not_found'],
    ];
    for (const call of calls) {
      for (const [token, status, code] of who) {
        const res = await api(call.path, { ...call, ...(token ? { token } : {}) });
        expect(res.status, `${call.method ?? ''} ${call.path} ${status}`).toBe(status);
        expect(res.body.error.code).toBe(code);
      }
    }
    // An agent still reads the site's inbox: the block routes' middleware stays on their paths.
    expect((await api(`/api/sites/${site.id}/conversations`, { token: agent.token })).status).toBe(200);
    // The other workspace's block is not reachable through its own site either.
    expect(
      (await api(`/api/sites/${stranger.site.id}/blocks/${b.id}`, { token: stranger.owner.token, method: 'DELETE' }))
        .status,
    ).toBe(404);
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM blocks WHERE site_id = ?')
      .bind(site.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await api('/api/openapi.json')).body;
    expect(
      doc.paths['/api/sites/{id}/blocks'].post.requestBody.content['application/json'].schema.properties.kind.enum,
    ).toEqual(['visitor', 'ip', 'email']);
    expect(doc.paths['/api/sites/{id}/blocks/{blockId}'].delete.parameters.map((p: any) => p.name)).toEqual([
      'id',
      'blockId',
    ]);
  });
});
