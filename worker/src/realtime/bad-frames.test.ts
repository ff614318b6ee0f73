// Issue 13 break tests: the one bad-frame policy seen from a client, on both socket kinds alike: junk text and binary
// frames each get an error and count, the socket closes with 1008 at the same count (no socket kind is more patient).
import { expect, it } from 'vitest';
import { LIMITS } from '../../../protocol/limits';
import { connect, conversationFixture, paths } from '../../test/helpers';

/** The sockets of one conversation fixture: the visitor's, an agent's and the site's. */
async function sockets() {
  const { owner, site, visitor, conversation } = await conversationFixture();
  return {
    visitor: await connect(paths.visitor(conversation.id), visitor.token),
    agent: await connect(paths.agent(conversation.id), owner.token),
    site: await connect(paths.site(site.id), owner.token),
  };
}

it.each(['visitor', 'agent', 'site'] as const)(
  'the %s socket closes with 1008 after the same number of junk frames, text and binary mixed',
  async (kind) => {
    const s = (await sockets())[kind];
    const before = s.of('error').length;
    for (let i = 0; i < LIMITS.badFramesBeforeClose - 1; i++)
      s.ws.send(i % 2 ? new Uint8Array([123, 125]).buffer : '{"type":"nope"}');
    await s.next((f) => f.type === 'error', 5000, s.frames.length - 1);
    expect(s.closed).toBeNull();
    s.send('junk');
    expect((await s.waitClosed()).code).toBe(1008);
    expect(s.of('error').length - before).toBe(LIMITS.badFramesBeforeClose);
    expect(s.of('error').every((f) => f.code === 'bad_request')).toBe(true);
  },
);
