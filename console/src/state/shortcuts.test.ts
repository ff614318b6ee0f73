import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyCommand, moveCursor } from './shortcuts';

describe('keyCommand', () => {
  it('maps the inbox keys when not typing', () => {
    expect(
      ['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 'o', 'r', 'e', '?', 'Escape'].map((key) =>
        keyCommand({ key }, false),
      ),
    ).toEqual(['next', 'next', 'prev', 'prev', 'open', 'open', 'reply', 'resolve', 'help', 'leave']);
  });
  it('ignores everything but Escape while typing', () => {
    expect(keyCommand({ key: 'j' }, true)).toBeNull();
    expect(keyCommand({ key: 'Enter' }, true)).toBeNull();
    expect(keyCommand({ key: 'Escape' }, true)).toBe('leave');
  });
  it('leaves modified keys and unknown keys to the browser', () => {
    expect(keyCommand({ key: 'r', ctrlKey: true }, false)).toBeNull();
    expect(keyCommand({ key: 'k', metaKey: true }, false)).toBeNull();
    expect(keyCommand({ key: 'x' }, false)).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('treats text fields as typing and checkboxes or buttons as not', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('moveCursor', () => {
  const ids = ['a', 'b', 'c'];
  it('moves and stops at both ends', () => {
    expect(moveCursor(ids, 'a', 1)).toBe('b');
    expect(moveCursor(ids, 'c', 1)).toBe('c');
    expect(moveCursor(ids, 'a', -1)).toBe('a');
  });
  it('starts at the first row when there is no cursor or it left the list', () => {
    expect(moveCursor(ids, null, 1)).toBe('a');
    expect(moveCursor(ids, 'gone', -1)).toBe('a');
    expect(moveCursor([], null, 1)).toBeNull();
  });
});
