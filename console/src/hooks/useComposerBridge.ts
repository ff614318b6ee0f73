// Drives the shared widget Composer from outside. It keeps its text in its own state and takes no
// value prop, so text is put in the way a user's edit would: set the textarea's value through the
// native setter and fire `input`, which its onInput handler turns into state like any keystroke.
import type { RefObject } from 'preact';

/** What other parts of the conversation view may do with the reply composer. */
export type ComposerHandle = {
  /** Inserts a snippet at the caret (on its own paragraph) and focuses the composer. */
  insert: (snippet: string) => void;
  focus: () => void;
};

/** The composer's textarea inside a wrapper element. */
export function composerTextarea(root: RefObject<HTMLElement>): HTMLTextAreaElement | null {
  return root.current?.querySelector('textarea') ?? null;
}

/** Replaces the textarea's text as if typed, then puts the caret at `caret`. */
export function setComposerText(textarea: HTMLTextAreaElement, text: string, caret: number): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (setter) setter.call(textarea, text);
  else textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
}

/** The caret position when the textarea has focus (else null: insert at the end). */
export function caretOf(textarea: HTMLTextAreaElement): number | null {
  return document.activeElement === textarea ? textarea.selectionStart : null;
}
