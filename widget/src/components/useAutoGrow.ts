// Grows a textarea with its content up to a maximum height, then scrolls inside it.
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/** Resizes `ref` to fit `value` (re-run whenever the value changes), capped at `maxHeight` pixels. */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement>, value: string, maxHeight = 120): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Reset first so the textarea can also shrink when lines are deleted.
    el.style.height = 'auto';
    const h = Math.min(el.scrollHeight, maxHeight);
    el.style.height = h + 'px';
    el.style.overflowY = el.scrollHeight > maxHeight ? 'auto' : 'hidden';
  }, [value, maxHeight]);
}
