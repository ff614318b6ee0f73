// The help center (an on-demand chunk, widget-Help.js): search results and articles inside the panel, and
// suggestions while a visitor writes a first message. Reads through a.kb (the visitor's token); styles and strings
// come with this chunk. Article bodies are node trees built into elements by nodes.ts, never HTML.
// It imports nothing of the app at run time: Preact's h and the hooks come in the Kit (imported here, the bundler
// would move every module the app and the chunk share into a third file that every visitor downloads).
import type { h as H } from 'preact';
import type { useEffect as UseEffect, useState as UseState } from 'preact/hooks';
import type { ArticleNode } from '../../../protocol/kb';
import type { Actions } from '../chat';
import type { Lang } from '../locale';
import { helpCss } from './Help.css';
import { toChild } from './nodes';
import { helpStrings } from './strings';

/** What the help center shows: results for `q`, or the article `id`; null while closed (the conversation shows). */
export type HelpState = { q: string; id?: string } | null;
/** What the chunk borrows from the app. */
export type Kit = { h: typeof H; useState: typeof UseState; useEffect: typeof UseEffect; lang: () => Lang };

type Hit = { id: string; title: string; excerpt: string };
type Article = { id: string; title: string; body: ArticleNode[] };
type Props = { s: HelpState & object; set: (s: HelpState) => void; a: Actions };

let sheet: CSSStyleSheet | undefined;
/** Adopts the chunk's styles into the widget's shadow root once (a constructed sheet: no inline style for a CSP). */
function styled(el: Element | null) {
  const root = el?.getRootNode() as ShadowRoot | undefined;
  if (!root?.adoptedStyleSheets || (sheet && root.adoptedStyleSheets.includes(sheet))) return;
  sheet ||= new CSSStyleSheet();
  sheet.replaceSync(helpCss);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Closes the help center and puts the visitor in the composer. */
function toChat(set: Props['set'], el: HTMLElement) {
  const root = el.getRootNode() as ShadowRoot;
  set(null);
  setTimeout(() => root.querySelector<HTMLElement>('.pc-input')?.focus());
}

/** The help center's components, made with the app's Preact. */
export function helpCenter({ h, useState, useEffect, lang }: Kit) {
  /** Search results for `q` (debounced), null while loading, false when the request failed. */
  function useHits(a: Actions, q: string, query: string, wait: number): Hit[] | null | false {
    const [hits, setHits] = useState<Hit[] | null | false>(null);
    useEffect(() => {
      const id = setTimeout(
        () =>
          a.kb<{ articles: Hit[] }>('search?' + query + encodeURIComponent(q)).then(
            (r) => setHits(r.articles),
            () => setHits(false),
          ),
        wait,
      );
      return () => clearTimeout(id);
    }, [q]);
    return hits;
  }

  /** Results, or the open article, in place of the message log. */
  function Help({ s, set, a }: Props) {
    const t = helpStrings(lang());
    const hits = useHits(a, s.q.trim(), 'limit=8&q=', 250);
    const [art, setArt] = useState<Article | null | false>(null);
    useEffect(() => {
      setArt(null);
      if (s.id)
        a.kb<{ article: Article }>('articles/' + encodeURIComponent(s.id)).then(
          (r) => setArt(r.article),
          () => setArt(false),
        );
    }, [s.id]);
    const chat = (
      <button type="button" class="hx" data-parley="help-chat" onClick={(e) => toChat(set, e.currentTarget)}>
        {t.chat}
      </button>
    );
    if (s.id)
      return (
        <div class="hc" ref={styled} data-parley="help-article">
          <button type="button" class="hb" data-parley="help-back" onClick={() => set({ q: s.q })}>
            ← {t.back}
          </button>
          {art === false && <p class="hm">{t.failed}</p>}
          {art && (
            <article class="ha">
              <h2>{art.title}</h2>
              {art.body.map((n) => toChild(n, h))}
            </article>
          )}
          {chat}
        </div>
      );
    return (
      <div class="hc" ref={styled} data-parley="help" aria-live="polite">
        <h3>{s.q.trim() ? t.results : t.popular}</h3>
        {hits === false && <p class="hm">{t.failed}</p>}
        {hits && !hits.length && <p class="hm">{t.none}</p>}
        {hits && (
          <ul class="hl">
            {hits.map((x) => (
              <li key={x.id}>
                <button type="button" data-parley="help-result" onClick={() => set({ q: s.q, id: x.id })}>
                  <b>{x.title}</b>
                  <small>{x.excerpt}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
        {chat}
      </div>
    );
  }

  /** Up to three articles matching the first message being written (any of its words), above the composer. */
  function Suggest({ q, set, a }: { q: string; set: Props['set']; a: Actions }) {
    const hits = useHits(a, q, 'match=any&limit=3&q=', 400);
    if (!hits || hits.length < 1) return null;
    return (
      <div class="hg" ref={styled} data-parley="help-suggestions">
        <p>{helpStrings(lang()).suggested}</p>
        {hits.map((x) => (
          <button key={x.id} type="button" data-parley="help-suggestion" onClick={() => set({ q: '', id: x.id })}>
            {x.title}
          </button>
        ))}
      </div>
    );
  }

  return { Help, Suggest };
}
