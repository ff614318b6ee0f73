// The `/shortcut` picker's behaviour: follows the `/token` under the caret, filters the canned
// responses, takes the arrow keys, Enter, Tab and Escape before the Composer sees them, and
// replaces the token with the chosen response (counting the use on the server).
import type { JSX, RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CannedResponse } from '../../../protocol';
import { cannedApi } from '../api-tools';
import {
  applyCanned,
  fillCanned,
  matchCanned,
  pickerAction,
  slashToken,
  type CannedVars,
  type SlashToken,
} from '../state/canned';
import { composerTextarea, setComposerText } from './useComposerBridge';
import { putCanned, refreshCanned, useCannedList } from './useCannedList';

/** State and wrapper handlers of the picker over the composer inside `root`; `vars` fill the responses' variables. */
export function useCannedPicker(root: RefObject<HTMLElement>, vars: CannedVars) {
  const { list } = useCannedList();
  const [token, setToken] = useState<SlashToken | null>(null);
  const [index, setIndex] = useState(0);
  // Escape hides the picker for this token only; typing a new `/` opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const matches = useMemo(() => (token ? matchCanned(list ?? [], token.query) : []), [list, token]);
  const open = token !== null && dismissedAt !== token.start;
  const active = Math.min(index, Math.max(0, matches.length - 1));
  // Opening the picker re-reads the list: responses saved by a colleague (or in another tab) show up.
  useEffect(() => {
    if (open) refreshCanned();
  }, [open]);

  const tokenRef = useRef(token);
  tokenRef.current = token;

  // Re-reads the token after every edit, click or caret move.
  const sync = useCallback(() => {
    const textarea = composerTextarea(root);
    const next =
      textarea && textarea.selectionStart === textarea.selectionEnd
        ? slashToken(textarea.value, textarea.selectionStart)
        : null;
    const prev = tokenRef.current;
    if (prev?.start !== next?.start || prev?.query !== next?.query) setIndex(0);
    // A different token (or none) clears the dismissal, so a fresh `/` opens the picker again.
    if (prev?.start !== next?.start) setDismissedAt(null);
    tokenRef.current = next;
    setToken(next);
  }, [root]);

  const insert = useCallback(
    (response: CannedResponse) => {
      const textarea = composerTextarea(root);
      if (!textarea || !token) return;
      const next = applyCanned(textarea.value, token, fillCanned(response.content, vars));
      setComposerText(textarea, next.text, next.caret);
      setToken(null);
      // Counting a use is bookkeeping: a failure must not disturb the reply.
      cannedApi.use(response.id).then(
        (r) => putCanned(r.cannedResponse),
        () => {},
      );
    },
    [root, token, vars],
  );

  // Capture phase on the wrapper: runs before the textarea's own Enter-sends handler.
  const onKeyDownCapture = useCallback(
    (e: JSX.TargetedKeyboardEvent<HTMLElement>) => {
      if (!open || e.isComposing) return;
      const action = pickerAction(e.key, e.shiftKey, matches.length);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      if (action === 'dismiss') setDismissedAt(token!.start);
      else if (action === 'up' || action === 'down')
        setIndex((active + (action === 'down' ? 1 : -1) + matches.length) % matches.length);
      else if (action === 'insert') insert(matches[active]);
    },
    [open, matches, active, token, insert],
  );

  return { open, matches, active, setActive: setIndex, insert, sync, onKeyDownCapture, loaded: list !== null };
}
