// Break tests, issue 9 item 4: per-visitor quotas are bypassed by minting a fresh visitor per request from one IP.
import { expect, it } from 'vitest';
import { VISITOR_QUOTAS } from '../protocol/limits';
import { api, workspaceWithSite } from '../../test/helpers';

const freshVisitor = async (siteKey: string, ip: Record<string, string>) =>
  (await api('/api/widget/session', { body: { siteKey }, headers: ip })).body.token as string;

it('one IP, a fresh visitor token each time: offline messages and team emails stay within the per-visitor hourly quota', async () => {
  const { owner, site } = await workspaceWithSite();
  const ip = { 'CF-Connecting-IP': `203.0.113.${Math.floor(Math.random() * 200)}` };
  const answers: number[] = [];
  for (let i = 0; i < 12; i++) {
    const token = await freshVisitor(site.key, ip);
    answers.push((await api('/api/widget/conversations', { token, headers: ip, body: { name: `Eve ${i}`, email: `eve${i}@example.net`, message: `spam ${i}` } })).status);
  }
  await new Promise((r) => setTimeout(r, 500));
  const emails = (await api('/api/dev/outbox', { token: owner.token })).body.emails as { subject: string }[];
  const offline = emails.filter((m) => m.subject.startsWith('New message from'));
  expect({ accepted: answers.filter((s) => s < 300).length, emails: offline.length })
    .toEqual({ accepted: VISITOR_QUOTAS.offlinePerHour, emails: VISITOR_QUOTAS.offlinePerHour });
});

it('one IP, a fresh visitor token each time: new conversations stay within the documented 6 per 12 h', async () => {
  const { site } = await workspaceWithSite();
  const ip = { 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 200)}` };
  let created = 0;
  for (let i = 0; i < 12; i++) {
    const token = await freshVisitor(site.key, ip);
    if ((await api('/api/widget/conversations', { token, headers: ip, body: {} })).status === 201) created++;
  }
  expect(created).toBeLessThanOrEqual(VISITOR_QUOTAS.starts);
});
