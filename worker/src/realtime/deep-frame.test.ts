// Issue 9 item 6: the site socket answers a frame nested thousands deep with an error frame and stays usable.
import { expect, it } from 'vitest';
import { connect, paths, workspaceWithSite } from '../../test/helpers';

it('a console frame of 8,000 nested arrays gets bad_request and the socket still takes a status change', async () => {
  const { owner, site } = await workspaceWithSite();
  const s = await connect(paths.site(site.id), owner.token);
  s.send(`{"type":"status","status":${'['.repeat(8000)}${']'.repeat(8000)}}`);
  expect(await s.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_request' });
  s.send({ type: 'status', status: 'away' });
  expect(
    await s.next((f) => f.type === 'presence' && f.agents.some((x: { status: string }) => x.status === 'away')),
  ).toBeTruthy();
  s.close();
});
