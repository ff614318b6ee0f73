// The rating asked once after a conversation is resolved: five labelled buttons, an optional comment, then thanks.
// An on-demand chunk (dist/widget-csat.js, docs/widget.md): only visitors whose conversation was resolved load it.
// It imports nothing at run time: Preact's h, useState and the strings come from the app (as for help/Help.tsx).
import type { h as H } from 'preact';
import type { useState as UseState } from 'preact/hooks';
import type { Actions } from '../chat';
import type { Strings } from '../strings';

/** What the chunk borrows from the app. */
export type Kit = { h: typeof H; useState: typeof UseState; t: Strings };

/** Builds the CSAT block (or its "Thanks" once sent) with the app's Preact. */
// biome-ignore lint/correctness/noUnusedFunctionParameters: the chunk's build compiles JSX to calls of this h
export function csat({ h, useState, t }: Kit) {
  return function Csat({ a, thanked }: { a: Actions; thanked: boolean }) {
    const [score, setScore] = useState(0);
    const [busy, setBusy] = useState(false);
    const [comment, setComment] = useState('');
    if (thanked)
      return (
        // Focus follows: the submit button it replaces is gone, and Escape must still reach the panel.
        <p class="cs" role="status" data-parley="csat-thanks" tabIndex={-1} ref={(el) => el?.focus()}>
          {t.thanks}
        </p>
      );
    const submit = async () => {
      setBusy(true);
      if (!(await a.rate(score, comment.trim()))) setBusy(false);
    };
    return (
      // biome-ignore lint/a11y/useSemanticElements: a fieldset's default border and legend layout would cost the widget CSS bytes to undo
      <div class="cs" data-parley="csat" role="group" aria-labelledby="p-rate">
        <p id="p-rate">{t.rate}</p>
        <div class="ss">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              type="button"
              key={n}
              class="sr"
              data-parley="csat-score"
              data-score={n}
              aria-label={t.stars(n)}
              aria-pressed={n === score}
              onClick={() => setScore(n)}
            >
              {n <= score ? '★' : '☆'}
            </button>
          ))}
        </div>
        {score > 0 && [
          <textarea
            key="c"
            data-parley="csat-comment"
            rows={2}
            maxLength={1000}
            aria-label={t.comment}
            placeholder={t.comment}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />,
          <button key="s" type="button" class="pr" data-parley="csat-submit" disabled={busy} onClick={submit}>
            {t.submitRating}
          </button>,
        ]}
      </div>
    );
  };
}
