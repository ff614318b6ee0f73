// /kb: search and filter the knowledge base; owners and admins create, edit and delete articles.
import { useState } from 'preact/hooks';
import type { Agent, Article } from '../../../protocol';
import { ArticleForm } from '../components/ArticleForm';
import { ErrorText } from '../components/ErrorText';
import { useArticles } from '../hooks/useArticles';
import { useNow } from '../hooks/useNow';
import { categoriesOf } from '../state/kb';
import { canManageTeam } from '../state/people';
import { strings } from '../strings';
import { toolStrings as t } from '../strings-tools';
import { fullDateTime, relativeTime } from '../time';

/** The knowledge base page. */
export function KbPage({ agent }: { agent: Agent }) {
  const editable = canManageTeam(agent.role);
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const { articles, error, reload } = useArticles({ q: q.trim() || undefined, category: category || undefined });
  // Categories come from an unfiltered list, so picking one does not empty the menu.
  const all = useArticles({});
  const [editing, setEditing] = useState<Article | null>(null);
  const now = useNow(30_000);

  const done = (changed: boolean) => {
    setEditing(null);
    if (changed) {
      void reload();
      void all.reload();
    }
  };

  return (
    <main class="page" data-testid="kb-page">
      <div class="page-head">
        <h1 class="page-title">{t.kbTitle}</h1>
        {!editable && <p class="muted">{t.kbReadOnly}</p>}
      </div>
      {(editable || editing) && (
        <ArticleForm key={editing?.id ?? 'new'} editing={editing} editable={editable} onDone={done} />
      )}
      <section class="card">
        <div class="inline-form kb-filters">
          <input
            class="input"
            type="search"
            placeholder={t.kbSearch}
            aria-label={t.kbSearch}
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            data-testid="article-search"
          />
          <select
            class="select"
            value={category}
            aria-label={t.fieldCategory}
            onChange={(e) => setCategory(e.currentTarget.value)}
            data-testid="article-filter-category"
          >
            <option value="">{t.allCategories}</option>
            {categoriesOf(all.articles ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <ErrorText message={error} />
        {articles === null ? (
          <p class="muted">{strings.loading}</p>
        ) : articles.length === 0 ? (
          <p class="muted">{q || category ? t.kbNoResults : t.kbEmpty}</p>
        ) : (
          <ul class={'article-list' + (editable ? ' with-views' : '')}>
            {articles.map((a) => (
              <li
                key={a.id}
                class={`article-row${editing?.id === a.id ? ' row-editing' : ''}${a.active ? '' : ' article-inactive'}`}
                data-testid="article-row"
                data-id={a.id}
                data-active={a.active ? 'true' : 'false'}
              >
                <button type="button" class="article-open" onClick={() => setEditing(a)} data-testid="article-edit">
                  <span class="agent-name">{a.title}</span>
                  {!a.active && <span class="badge">{t.inactive}</span>}
                </button>
                <span class="muted">{a.category}</span>
                <span class="tag-list">
                  {a.tags.map((tag) => (
                    <span key={tag} class="tag-chip">
                      {tag}
                    </span>
                  ))}
                </span>
                {editable && (
                  <span class="muted" title={t.viewsHint} data-testid="article-views">
                    {t.views(a.views)}
                  </span>
                )}
                <time class="muted" dateTime={a.updatedAt} title={fullDateTime(a.updatedAt)}>
                  {strings.ago(relativeTime(a.updatedAt, now))}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
