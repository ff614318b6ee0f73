import { describe, expect, it } from 'vitest';
import { messageFromAck, type PendingMessage } from './messages';

const pending = (clientId: string, state: PendingMessage['state'] = 'queued'): PendingMessage => ({
  clientId,
  body: 'hi',
  kind: 'text',
  createdAt: '2026-01-01T00:00:00.000Z',
  state,
});

describe('messageFromAck', () => {
  it('builds the stored message from an ack', () => {
    const m = messageFromAck({ ...pending('a'), kind: 'note' }, { id: 'x', seq: 7 }, { id: 'ag', name: 'Ann' });
    expect(m).toMatchObject({
      id: 'x',
      seq: 7,
      clientId: 'a',
      kind: 'note',
      sender: { type: 'agent', id: 'ag', name: 'Ann' },
    });
  });
});
