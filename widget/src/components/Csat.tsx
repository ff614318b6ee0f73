// The rating asked once after a conversation is resolved: five labelled buttons, an optional comment, then thanks.
import { useState } from 'preact/hooks';
import type { Actions } from '../chat';
import { t } from '../i18n';

/** The CSAT block (or its "Thanks" once sent). */
export function Csat({ a, thanked }: { a: Actions; thanked: boolean }) {
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
      {score > 0 && (
        <>
          <textarea
            data-parley="csat-comment"
            rows={2}
            maxLength={1000}
            aria-label={t.comment}
            placeholder={t.comment}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <button type="button" class="pr" data-parley="csat-submit" disabled={busy} onClick={submit}>
            {t.submitRating}
          </button>
        </>
      )}
    </div>
  );
}
