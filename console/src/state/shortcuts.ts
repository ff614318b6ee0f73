// Pure keyboard-shortcut rules: which key means what, and moving a cursor through the inbox list.

/** What a shortcut does. */
export type ShortcutCommand = 'next' | 'prev' | 'open' | 'reply' | 'resolve' | 'help' | 'leave';

/** The parts of a KeyboardEvent the mapping needs. */
export type KeyInput = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean };

/** The shortcuts, for the help overlay (keys as shown, then what they do). */
export const SHORTCUTS: { keys: string[]; command: ShortcutCommand }[] = [
  { keys: ['j', '↓'], command: 'next' },
  { keys: ['k', '↑'], command: 'prev' },
  { keys: ['Enter', 'o'], command: 'open' },
  { keys: ['r'], command: 'reply' },
  { keys: ['e'], command: 'resolve' },
  { keys: ['Esc'], command: 'leave' },
  { keys: ['?'], command: 'help' },
];

/** Maps a key to a command; while typing only Escape counts, and modified keys never do (they belong to the browser). */
export function keyCommand(input: KeyInput, typing: boolean): ShortcutCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.key === 'Escape') return 'leave';
  if (typing) return null;
  switch (input.key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'prev';
    case 'Enter':
    case 'o':
      return 'open';
    case 'r':
      return 'reply';
    case 'e':
      return 'resolve';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Whether keys typed into this element are text (inputs, textareas, selects, editable content). */
export function isTypingTarget(
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null,
): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  // Checkboxes and buttons take no text: j/k still move through the inbox from them.
  return tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type ?? 'text');
}

/** The id `delta` rows away from `current` in the list (clamped); from nowhere, the first row. */
export function moveCursor(ids: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))];
}
