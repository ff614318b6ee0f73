// The knowledge-base column of the conversation view (beside the messages, so both stay readable): search active articles and insert a link to
// an article's public page, or a plain-text excerpt, into the reply.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../../protocol';
import { apiBase } from '../api';
import { useArticles } from '../hooks/useArticles';
import { articleLink, articleUrl, excerpt } from '../state/kb';
import { strings } from '../strings';
import { toolStrings as t } from '../strings-tools';
import { ErrorText } from './ErrorText';

/** Props of KbPanel. */
export type KbPanelProps = { siteKey: string; onInsert: (text: string) => void; onClose: () => void };

const EXCERPT_CHARS = 300;

/** The panel; mounted only while open. */
export function KbPanel({ siteKey, onInsert, onClose }: KbPanelProps) {
  const [q, setQ] = useState('');
  const { articles, error } = useArticles({ q: q.trim() || undefined, active: true });
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);
  // The article page is the Worker's (/api/kb/...), which is not the console's origin when it is on Pages.
  const urlOf = (a: Article) => articleUrl(apiBase, siteKey, a.id);

  return (
    <aside
      class="kb-panel"
      aria-label={t.kbTitle}
      data-testid="kb-panel"
      onKeyDown={(e) => {
        // Escape closes the panel, not the whole conversation context.
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <div class="kb-panel-head">
        <h3 class="popover-title">{t.kbTitle}</h3>
        <button
          type="button"
          class="button button-ghost icon-button"
          aria-label={t.kbClose}
          onClick={onClose}
          data-testid="kb-close"
        >
          ✕
        </button>
      </div>
      <input
        ref={search}
        class="input"
        type="search"
        placeholder={t.kbSearch}
        aria-label={t.kbSearch}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        data-testid="kb-search"
      />
      <ErrorText message={error} />
      <div class="kb-results" aria-live="polite">
        {articles === null ? (
          <p class="muted">{strings.loading}</p>
        ) : articles.length === 0 ? (
          <p class="muted">{q ? t.kbNoResults : t.kbEmpty}</p>
        ) : (
          <ul class="kb-list">
            {articles.map((a) => (
              <li key={a.id} class="kb-result" data-testid="kb-result" data-id={a.id}>
                <div class="kb-result-head">
                  <a
                    href={urlOf(a)}
                    target="_blank"
                    rel="noopener noreferrer"
                    class="kb-result-title"
                    title={t.openArticle}
                  >
                    {a.title}
                  </a>
                  {a.category && <span class="badge">{a.category}</span>}
                </div>
                <p class="kb-result-excerpt muted">{excerpt(a.content, 140)}</p>
                <div class="kb-result-actions">
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    onClick={() => onInsert(articleLink(a, urlOf(a)))}
                    data-testid="kb-insert-link"
                  >
                    {t.insertLink}
                  </button>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    onClick={() => onInsert(excerpt(a.content, EXCERPT_CHARS))}
                    data-testid="kb-insert-excerpt"
                  >
                    {t.insertExcerpt}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
