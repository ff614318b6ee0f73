// Issue 9, item 3: every PATCH changes only the fields it is sent. For each PATCH route:
// create the resource with non-default values, send a one-field body, compare every other field.
import { describe, expect, it } from 'vitest';
import { api, conversationFixture, workspaceWithSite } from '../../test/helpers';
import { invite } from '../../test/team-helpers';

type Fixture = {
  token: string;
  path: string;
  read: () => Promise<Record<string, unknown>>;
  values?: Record<string, unknown>;
};
/** Fields that change on every write (timestamps, revisions) or follow from the field sent. */
const VOLATILE = ['updatedAt', 'rev', 'lastMessageAt'];

const must = async <T = any>(p: Promise<{ status: number; body: T }>, status: number) => {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const find = (list: { id: string }[], id: string) => {
  const hit = list.find((r) => r.id === id);
  if (!hit) throw new Error(`${id} not listed`);
  return hit as Record<string, unknown>;
};

const routes: {
  name: string;
  setup: () => Promise<Fixture>;
  changes: Record<string, unknown>;
  follows?: Record<string, string[]>;
}[] = [
  {
    name: 'PATCH /api/articles/:id',
    setup: async () => {
      const { owner } = await workspaceWithSite();
      const { article } = await must(
        api('/api/articles', {
          token: owner.token,
          body: { title: 'Refunds', content: 'Five days.', category: 'Billing', tags: ['money'], active: false },
        }),
        201,
      );
      return {
        token: owner.token,
        path: `/api/articles/${article.id}`,
        read: async () => find((await must(api('/api/articles', { token: owner.token }), 200)).articles, article.id),
      };
    },
    changes: { title: 'New title', content: 'Other text', category: 'Misc', tags: ['other'], active: true },
  },
  {
    name: 'PATCH /api/canned-responses/:id',
    setup: async () => {
      const { owner } = await workspaceWithSite();
      const { cannedResponse: r } = await must(
        api('/api/canned-responses', {
          token: owner.token,
          body: { title: 'Hi', content: 'Hello', shortcut: 'hi', category: 'Greetings', shared: true },
        }),
        201,
      );
      await must(api(`/api/canned-responses/${r.id}/use`, { token: owner.token, method: 'POST' }), 200);
      return {
        token: owner.token,
        path: `/api/canned-responses/${r.id}`,
        read: async () =>
          find((await must(api('/api/canned-responses', { token: owner.token }), 200)).cannedResponses, r.id),
      };
    },
    changes: { title: 'x', content: 'Other', shortcut: 'hey', category: 'Misc', shared: false },
    follows: { shared: ['ownerId'] },
  },
  {
    name: 'PATCH /api/auth/me/preferences',
    setup: async () => {
      const { owner } = await workspaceWithSite();
      const path = '/api/auth/me/preferences';
      await must(
        api(path, { token: owner.token, method: 'PATCH', body: { desktop: false, sound: false, title: false } }),
        200,
      );
      return {
        token: owner.token,
        path,
        read: async () => (await must(api('/api/auth/me', { token: owner.token }), 200)).preferences,
      };
    },
    changes: { desktop: true, sound: true, title: true },
  },
  {
    name: 'PATCH /api/agents/:id',
    setup: async () => {
      const { owner } = await workspaceWithSite();
      const { department: d } = await must(
        api('/api/departments', { token: owner.token, body: { name: 'Sales' } }),
        201,
      );
      const { department: other } = await must(
        api('/api/departments', { token: owner.token, body: { name: 'Support' } }),
        201,
      );
      const { agent } = await invite(owner.token, { role: 'admin', maxConcurrent: 3, departmentIds: [d.id] });
      return {
        token: owner.token,
        path: `/api/agents/${agent.id}`,
        values: { departmentIds: [other.id] },
        read: async () => find((await must(api('/api/agents', { token: owner.token }), 200)).agents, agent.id),
      };
    },
    changes: { name: 'Robert', role: 'agent', active: false, maxConcurrent: 7, departmentIds: 'another department' },
  },
  {
    name: 'PATCH /api/departments/:id',
    setup: async () => {
      const { owner } = await workspaceWithSite();
      const { department: d } = await must(
        api('/api/departments', { token: owner.token, body: { name: 'Sales', autoAssign: true } }),
        201,
      );
      return {
        token: owner.token,
        path: `/api/departments/${d.id}`,
        read: async () => find((await must(api('/api/departments', { token: owner.token }), 200)).departments, d.id),
      };
    },
    changes: { name: 'Billing', autoAssign: false, isDefault: true },
  },
  {
    name: 'PATCH /api/sites/:id',
    setup: async () => {
      const { owner, site } = await workspaceWithSite(['https://a.example', 'https://b.example']);
      await must(
        api(`/api/sites/${site.id}`, {
          token: owner.token,
          method: 'PATCH',
          body: { settings: { color: '#112233', title: 'Talk to us', preChat: 'required' } },
        }),
        200,
      );
      return {
        token: owner.token,
        path: `/api/sites/${site.id}`,
        read: async () => find((await must(api('/api/sites', { token: owner.token }), 200)).sites, site.id),
      };
    },
    changes: { name: 'Store', allowedOrigins: ['https://c.example'], settings: { position: 'left' } },
  },
  {
    name: 'PATCH /api/conversations/:id',
    setup: async () => {
      const { owner, conversation } = await conversationFixture();
      const { department: d } = await must(
        api('/api/departments', { token: owner.token, body: { name: 'Sales' } }),
        201,
      );
      const path = `/api/conversations/${conversation.id}`;
      await must(
        api(path, {
          token: owner.token,
          method: 'PATCH',
          body: { priority: 'high', tags: ['vip'], notes: 'Called twice', departmentId: d.id },
        }),
        200,
      );
      return {
        token: owner.token,
        path,
        read: async () => (await must(api(path, { token: owner.token }), 200)).conversation,
      };
    },
    changes: { priority: 'low', tags: ['other'], notes: 'New note' },
  },
];

/** Everything but what may change: volatile fields, the field sent and what it implies. */
const without = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

describe('PATCH changes only the fields sent', () => {
  for (const route of routes) {
    for (const field of Object.keys(route.changes)) {
      it(`${route.name} {${field}} keeps every other field`, async () => {
        const f = await route.setup();
        const value = f.values?.[field] ?? route.changes[field];
        const before = await f.read();
        await must(api(f.path, { token: f.token, method: 'PATCH', body: { [field]: value } }), 200);
        const after = await f.read();
        const ignored = [...VOLATILE, field, ...(route.follows?.[field] ?? [])];
        if (field === 'settings') {
          // A settings subset: the key sent changes, every other setting stays.
          const [key] = Object.keys(value as object);
          expect((after.settings as Record<string, unknown>)[key!]).toEqual((value as Record<string, unknown>)[key!]);
          expect(without(after.settings as Record<string, unknown>, [key!])).toEqual(
            without(before.settings as Record<string, unknown>, [key!]),
          );
        } else {
          expect(after[field]).toEqual(value);
        }
        expect(without(after, ignored)).toEqual(without(before, ignored));
      });
    }
  }
});
