// The visitor's CSAT rating in the conversation sidebar: stars plus "4/5", and the comment as text.
import type { Conversation } from '../../../protocol';
import { settingsStrings as t } from '../strings-settings';
import { fullDateTime } from '../time';

/** Five stars, `score` of them filled. */
export function Stars({ score }: { score: number }) {
  return (
    <span class="stars" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} class={n <= score ? 'star star-on' : 'star'}>
          ★
        </span>
      ))}
    </span>
  );
}

/** The rating row; nothing with the test id until the visitor has rated. */
export function RatingView({ rating }: { rating: Conversation['rating'] }) {
  if (!rating) {
    return (
      <div class="rating">
        <span class="field-label">{t.rating}</span>
        <span class="muted small">{t.noRating}</span>
      </div>
    );
  }
  return (
    <div class="rating" data-testid="rating" data-score={rating.score} title={fullDateTime(rating.at)}>
      <span class="field-label">{t.rating}</span>
      <span class="rating-score">
        <Stars score={rating.score} />
        <span data-testid="rating-score">{t.ratingText(rating.score)}</span>
      </span>
      {rating.comment && (
        <blockquote class="rating-comment" data-testid="rating-comment">
          {rating.comment}
        </blockquote>
      )}
    </div>
  );
}
