// Inbox keyboard shortcuts on the window: j/k (or arrows) move a cursor through the list, Enter/o
// opens, r replies, e resolves, ? shows the help and Escape leaves the composer. Keys typed into
// inputs never count (except Escape); the `/` picker and popovers stop the keys they use first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { conversationPath, navigate } from '../router';
import { isTypingTarget, keyCommand, moveCursor } from '../state/shortcuts';

/** What the shortcuts act on. */
export type ShortcutTarget = {
  /** Whether the inbox is on screen (other pages only get ? and Escape). */
  inbox: boolean;
  /** Ids of the visible inbox rows, in order. */
  ids: string[];
  openId: string | null;
  /** Resolves the open conversation (when its status allows it). */
  onResolve: (id: string) => void;
};

function rowElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="conversation-row"][data-id="${CSS.escape(id)}"]`);
}

/** Installs the shortcuts; returns the inbox cursor and the help overlay's state. */
export function useShortcuts(target: ShortcutTarget) {
  const [cursor, setCursor] = useState<string | null>(target.openId);
  const [help, setHelp] = useState(false);
  const ref = useRef({ ...target, cursor, help });
  ref.current = { ...target, cursor, help };
  // Opening a conversation (by click or key) moves the cursor there.
  useEffect(() => setCursor(target.openId), [target.openId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const element = e.target as HTMLElement | null;
      const command = keyCommand(e, isTypingTarget(element));
      if (!command) return;
      const s = ref.current;
      if (command === 'leave') {
        if (s.help) setHelp(false);
        else if (isTypingTarget(element)) element?.blur();
        return;
      }
      if (command === 'help') {
        e.preventDefault();
        setHelp(!s.help);
        return;
      }
      if (s.help || !s.inbox) return;
      if (command === 'next' || command === 'prev') {
        e.preventDefault();
        const next = moveCursor(s.ids, s.cursor ?? s.openId, command === 'next' ? 1 : -1);
        setCursor(next);
        if (next) rowElement(next)?.focus();
      } else if (command === 'open') {
        // Enter on a button or a link other than a row keeps its own meaning.
        if (
          e.key === 'Enter' &&
          element?.closest('button, a, summary') &&
          !element.closest('[data-testid="conversation-row"]')
        )
          return;
        const id = s.cursor ?? s.openId;
        if (!id) return;
        e.preventDefault();
        navigate(conversationPath(id));
      } else if (command === 'reply') {
        const composer = document.querySelector<HTMLTextAreaElement>('[data-testid="composer"]');
        if (!composer) return;
        // preventDefault: the "r" must not land in the composer it just focused.
        e.preventDefault();
        composer.focus();
      } else if (command === 'resolve' && s.openId) {
        e.preventDefault();
        s.onResolve(s.openId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return { cursor, help, setHelp };
}
