// Per-IP limits where the IP is the only handle: a bot minting a fresh visitor token per request (issue 9 item 4).
import { expect, it } from 'vitest';
import { EDGE_LIMITS } from '../lib/ratelimit';
import { api, workspaceWithSite } from '../../test/helpers';

const freshVisitor = async (siteKey: string, ip: Record<string, string>) =>
  (await api('/api/widget/session', { body: { siteKey }, headers: ip })).body.token as string;

// The `ratelimits` windows are aligned to the wall clock: a run that straddles a minute boundary
// may use two windows, so the allowance is counted per window the run touched.
const minute = () => Math.floor(Date.now() / 60_000);

it('one IP, a fresh visitor token each time: offline messages and team emails stop at the per-IP limit', async () => {
  const { owner, site } = await workspaceWithSite();
  const ip = { 'CF-Connecting-IP': `203.0.113.${Math.floor(Math.random() * 200)}` };
  const answers: number[] = [];
  const from = minute();
  for (let i = 0; i < 12; i++) {
    const token = await freshVisitor(site.key, ip);
    answers.push(
      (
        await api('/api/widget/conversations', {
          token,
          headers: ip,
          body: { name: `Eve ${i}`, email: `eve${i}@example.net`, message: `spam ${i}` },
        })
      ).status,
    );
  }
  const windows = minute() - from + 1;
  const accepted = answers.filter((s) => s < 300).length;
  expect(answers.filter((s) => s === 429).length).toBe(12 - accepted);
  expect(accepted).toBeGreaterThan(0);
  expect(accepted).toBeLessThanOrEqual(EDGE_LIMITS.offlinePerIpPerMinute * windows);
  // The team hears of each accepted message once, and of no refused one.
  let offline: unknown[] = [];
  for (let i = 0; i < 50 && offline.length < accepted; i++) {
    const emails = (await api('/api/dev/outbox', { token: owner.token })).body.emails as { subject: string }[];
    offline = emails.filter((m) => m.subject.startsWith('New message from'));
  }
  expect(offline.length).toBe(accepted);
});

it('one IP, a fresh visitor token each time: new conversations stop at the per-IP limit', async () => {
  const { site } = await workspaceWithSite();
  const ip = { 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 200)}` };
  let created = 0;
  const from = minute();
  for (let i = 0; i < 12; i++) {
    const token = await freshVisitor(site.key, ip);
    if ((await api('/api/widget/conversations', { token, headers: ip, body: {} })).status === 201) created++;
  }
  expect(created).toBeGreaterThan(0);
  expect(created).toBeLessThanOrEqual(EDGE_LIMITS.startsPerIpPerMinute * (minute() - from + 1));
});
