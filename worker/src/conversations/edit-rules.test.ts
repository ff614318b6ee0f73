import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../protocol/limits';
import { answeringSide, decideEdit, type EditTarget } from './edit-rules';

const sent = Date.parse('2026-05-04T09:30:00.000Z');
const text = (over: Partial<EditTarget> = {}): EditTarget => ({
  senderType: 'visitor',
  senderId: 'vi_1',
  kind: 'text',
  createdAt: new Date(sent).toISOString(),
  deletedAt: null,
  ...over,
});
const visitor = { role: 'visitor' as const, id: 'vi_1' };
const ann = { role: 'agent' as const, id: 'ag_ann' };
const code = (r: ReturnType<typeof decideEdit>) => r?.code ?? null;

describe('decideEdit', () => {
  it('lets the author edit their text within the window, up to its last millisecond', () => {
    expect(decideEdit(text(), visitor, sent + 1000, false)).toBeNull();
    expect(decideEdit(text(), visitor, sent + LIMITS.editWindowMs, false)).toBeNull();
    expect(code(decideEdit(text(), visitor, sent + LIMITS.editWindowMs + 1, false))).toBe('edit_window_passed');
  });

  it('refuses anyone but the author: another visitor, an agent, another agent', () => {
    expect(code(decideEdit(text(), { role: 'visitor', id: 'vi_2' }, sent, false))).toBe('not_your_message');
    expect(code(decideEdit(text({ senderId: 'ag_ann' }), visitor, sent, false))).toBe('not_your_message');
    expect(code(decideEdit(text(), ann, sent, false))).toBe('not_your_message');
    const annText = text({ senderType: 'agent', senderId: 'ag_ann' });
    expect(decideEdit(annText, ann, sent, false)).toBeNull();
    expect(code(decideEdit(annText, { role: 'agent', id: 'ag_bob' }, sent, false))).toBe('not_your_message');
    expect(code(decideEdit(annText, { role: 'visitor', id: 'ag_ann' }, sent, false))).toBe('not_your_message');
  });

  it('refuses deleted messages, files and system lines', () => {
    const own = { senderType: 'agent', senderId: 'ag_ann' };
    expect(code(decideEdit(text({ ...own, deletedAt: new Date(sent).toISOString() }), ann, sent, false))).toBe(
      'not_editable',
    );
    expect(code(decideEdit(text({ ...own, kind: 'file' }), ann, sent, false))).toBe('not_editable');
    expect(code(decideEdit(text({ senderType: 'system', senderId: null, kind: 'system' }), ann, sent, false))).toBe(
      'not_your_message',
    );
  });

  it('refuses a message the other side has answered, but a note is never answered', () => {
    expect(code(decideEdit(text(), visitor, sent, true))).toBe('already_replied');
    const note = text({ senderType: 'agent', senderId: 'ag_ann', kind: 'note' });
    expect(decideEdit(note, ann, sent, true)).toBeNull();
    expect(code(decideEdit(note, ann, sent + LIMITS.editWindowMs + 1, false))).toBe('edit_window_passed');
  });

  it('names the answering side', () => {
    expect(answeringSide('visitor')).toBe('agent');
    expect(answeringSide('agent')).toBe('visitor');
  });
});
