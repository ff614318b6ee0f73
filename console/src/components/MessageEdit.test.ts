import { describe, expect, it } from 'vitest';
import type { Message } from '../../../protocol';
import { LIMITS } from '../../../protocol/limits';
import { canEdit } from './MessageEdit';

const sent = Date.parse('2026-05-04T09:30:00.000Z');
const msg = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  seq: 1,
  sender: { type: 'agent', id: 'ag_ann', name: 'Ann' },
  kind: 'text',
  body: 'Your refund is 10 EUR',
  createdAt: new Date(sent).toISOString(),
  ...over,
});

describe('canEdit (the console offers Edit where the server would accept it)', () => {
  it('offers the agent their own text or note within the window', () => {
    expect(canEdit(msg(), 'ag_ann', false, sent + 1000)).toBe(true);
    expect(canEdit(msg({ kind: 'note' }), 'ag_ann', false, sent + LIMITS.editWindowMs)).toBe(true);
    expect(canEdit(msg(), 'ag_ann', false, sent + LIMITS.editWindowMs + 1)).toBe(false);
  });

  it("never others' messages, deleted ones, files or system lines", () => {
    expect(canEdit(msg(), 'ag_bob', false, sent)).toBe(false);
    expect(canEdit(msg({ sender: { type: 'visitor', id: 'ag_ann' } }), 'ag_ann', false, sent)).toBe(false);
    expect(canEdit(msg({ deletedAt: 'd' }), 'ag_ann', false, sent)).toBe(false);
    expect(canEdit(msg({ kind: 'file' }), 'ag_ann', false, sent)).toBe(false);
    expect(canEdit(msg({ kind: 'system' }), 'ag_ann', false, sent)).toBe(false);
  });

  it('not a text the visitor answered; a note stays editable', () => {
    expect(canEdit(msg(), 'ag_ann', true, sent)).toBe(false);
    expect(canEdit(msg({ kind: 'note' }), 'ag_ann', true, sent)).toBe(true);
  });
});
