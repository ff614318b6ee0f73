// The golden server frames (protocol/fixtures/, checked against the Durable Objects by the worker's
// golden-frames test) through the console's pure state: nothing throws and each frame lands.
import { describe, expect, it } from 'vitest';
import type { ServerFrame, SiteServerFrame } from '../../../protocol';
import conversationServer from '../../../protocol/fixtures/conversation-server.json';
import siteServer from '../../../protocol/fixtures/site-server.json';
import { emptyConversationState, reduceConversation } from './conversation';
import { noFilters } from './filters';
import { applyEvents, emptyLive } from './live';

const author = { id: 'ag_00000000000000000000000000000001', name: 'Ann' };

describe('golden frames in the console', () => {
  it('every conversation frame reduces: hello sets the view, message merges, error shows', () => {
    let state = emptyConversationState;
    for (const frame of Object.values(conversationServer) as ServerFrame[])
      state = reduceConversation(state, { type: 'frame', frame, author, now: 0 });
    expect(state.you).toEqual(conversationServer.hello.you);
    expect(state.conversation).toEqual(conversationServer.conversation.conversation);
    expect(state.messages).toEqual([conversationServer.message.message]);
    expect(state.visitorReadSeq).toBe(
      Math.max(conversationServer.read.seq, conversationServer.conversation.conversation.visitorReadSeq),
    );
    expect(state.notice).toBe(conversationServer.error.message);
  });

  it('the events frame applies: created lists the conversation, updated and delta advance it', () => {
    const frame = siteServer.events as SiteServerFrame & { type: 'events' };
    const step = applyEvents(emptyLive(), frame.events, noFilters, author.id);
    const listed = step.live.map.get(
      frame.events[0].type === 'conversation.delta' ? '' : frame.events[0].conversation.id,
    );
    expect(listed?.rev).toBe(siteServer.events.events[2].delta?.rev);
    expect(step.signals).toHaveLength(3);
  });
});
