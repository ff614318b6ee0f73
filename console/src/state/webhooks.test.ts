import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS, type Webhook } from '../../../protocol';
import { chosenEvents, failingWebhooks } from './webhooks';

const hook = (over: Partial<Webhook>): Webhook => ({
  id: 'wh_1',
  url: 'https://x.example/h',
  description: '',
  events: ['message.created'],
  includeNotes: false,
  enabled: true,
  disabledAt: null,
  disabledReason: null,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('webhook page rules', () => {
  it('gives a notice only for webhooks Parley turned off after failures', () => {
    const failing = hook({ id: 'a', enabled: false, disabledReason: 'failing', disabledAt: 'x' });
    const byAdmin = hook({ id: 'b', enabled: false, disabledReason: 'admin', disabledAt: 'x' });
    expect(failingWebhooks([failing, byAdmin, hook({ id: 'c' })])).toEqual([failing]);
  });

  it('keeps the chosen events in the protocol order', () => {
    expect(chosenEvents(WEBHOOK_EVENTS, new Set(['rating.created', 'conversation.created'] as const))).toEqual([
      'conversation.created',
      'rating.created',
    ]);
  });
});
