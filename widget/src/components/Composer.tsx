// A chat composer: auto-growing textarea, Enter sends, Shift+Enter breaks the line, length limit.
// Shared with the console, so it takes every string and attribute by props and imports nothing widget-specific.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { typingSender } from '../typing';
import { useAutoGrow } from './useAutoGrow';

/** Props of Composer. */
export type ComposerProps = {
  /** Called with the trimmed body; return false to keep the text (e.g. it was refused). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing means "sent"; false keeps the text
  onSend: (body: string) => boolean | void;
  /** Called with the new value on every edit (for a caller's own typing debounce). */
  onChange?: (value: string) => void;
  /** Rendered before the textarea (e.g. an attach button). */
  before?: ComponentChildren;
  /** Called with true when typing starts (again every 3 s while it goes on) and false after a 4 s pause, on send, or on blur (typing.ts). */
  onTyping?: (on: boolean) => void;
  disabled?: boolean;
  placeholder: string;
  /** Accessible name of the send button. */
  sendLabel: string;
  maxLength: number;
  /** The text to start with (editing a message: the caller remounts it with a new `key`); focused when set. */
  initial?: string;
  /** Extra attributes (data-*, aria-*) for the textarea and the button. */
  inputProps?: Record<string, string>;
  sendProps?: Record<string, string>;
};

/** The message composer. */
export function Composer(p: ComposerProps) {
  const [value, setValue] = useState(p.initial || '');
  const ref = useRef<HTMLTextAreaElement>(null);
  // The latest props, for the typing sender made once on the first render.
  const props = useRef(p);
  props.current = p;
  const typing = useRef(typingSender((on) => props.current.onTyping?.(on))).current;
  const stopTyping = typing.stop;
  useAutoGrow(ref, value);
  useEffect(() => {
    if (p.initial) ref.current?.focus();
    return stopTyping;
  }, []);

  function onInput(e: JSX.TargetedEvent<HTMLTextAreaElement>) {
    const v = e.currentTarget.value;
    setValue(v);
    p.onChange?.(v);
    typing.input(!v.trim());
  }

  const body = value.trim();
  const over = value.length > p.maxLength;
  const canSend = !p.disabled && !!body && !over;

  function send() {
    if (!canSend) return;
    if (p.onSend(body) === false) return;
    setValue('');
    stopTyping();
    ref.current?.focus();
  }

  function onKeyDown(e: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese...) must not send.
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    send();
  }

  const near = value.length >= p.maxLength * 0.9;
  return (
    <div class="pc-composer">
      {p.before}
      <textarea
        {...p.inputProps}
        ref={ref}
        class="pc-input"
        rows={1}
        value={value}
        placeholder={p.placeholder}
        aria-label={p.placeholder}
        maxLength={p.maxLength}
        disabled={p.disabled}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={stopTyping}
      />
      {near && (
        <span class={over ? 'pc-count pc-over' : 'pc-count'} aria-live="polite">
          {value.length}/{p.maxLength}
        </span>
      )}
      <button
        {...p.sendProps}
        type="button"
        class="pc-send"
        aria-label={p.sendLabel}
        title={p.sendLabel}
        disabled={!canSend}
        onClick={send}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
          stroke-linejoin="round"
          aria-hidden="true"
        >
          <path d="M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z" />
        </svg>
      </button>
    </div>
  );
}
