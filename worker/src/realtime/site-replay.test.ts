import { describe, expect, it } from 'vitest';
import { connect, conversationFixture, paths } from '../../test/helpers';

// A console lists the inbox from D1, which lags its conversations by up to ~1.2 s (batched projection). A message
// whose site event went out just before the console's socket opened was lost to that console until the next change
// (found by the browser tests once they ran on a faster Chromium): the SiteDO replays its last seconds on connect.
describe('site socket replay', () => {
  it('a console that connects just after a message still gets it, from the replay', async () => {
    const { owner, site, visitor, conversation } = await conversationFixture();
    const early = await connect(paths.site(site.id), owner.token); // sees the event live
    const v = await connect(paths.visitor(conversation.id), visitor.token);
    v.send({ type: 'send', clientId: 'late-1', body: 'Where is my parcel?' });
    await early.state((c) => c.id === conversation.id && c.lastMessagePreview === 'Where is my parcel?');
    // Connected after the event was sent: only a replay can bring it.
    const late = await connect(paths.site(site.id), owner.token);
    const seen = await late.state((c) => c.id === conversation.id && c.lastSeq >= 1);
    expect(seen).toMatchObject({ id: conversation.id, lastMessagePreview: 'Where is my parcel?', lastSeq: 1 });
    early.close();
    late.close();
    v.close();
  });
});
