// The help center's hook in the core: a search box at the top of the panel and the state of what it shows. Everything
// else (results, articles, suggestions, their styles and strings) is the on-demand chunk help/Help.tsx, imported the
// first time the visitor focuses the box or starts a first message: visitors who never do never download it.
import { type JSX, h as make } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Actions, View } from '../chat';
import type { helpCenter, HelpState } from '../help/Help';
import { lang, t } from '../i18n';

let center: Promise<ReturnType<typeof helpCenter>> | undefined;

/** The panel's help center: the search box, the view replacing the message log while open, the suggestions. */
export function useHelp(v: View, a: Actions) {
  const [m, setM] = useState<ReturnType<typeof helpCenter> | null>(null);
  const [s, set] = useState<HelpState>(null);
  const [draft, setDraft] = useState('');
  // The chunk gets the app's Preact and hooks (it imports none of the app: help/Help.tsx says why).
  const load = () =>
    (center ||=
      // Next to this module (dist/widget-lazy-help.js, its own build: vite.config.ts helpChunk); concatenated, as in i18n.ts.
      (
        import(/* @vite-ignore */ new URL('widget-lazy-' + 'help.js', import.meta.url).href) as Promise<{
          helpCenter: typeof helpCenter;
        }>
      ).then((c) => c.helpCenter({ h: make, useState, useEffect, lang: () => lang }))).then(setM);
  // The composer's text while no message was written yet (its input events bubble up to the panel).
  const onInput = (e: JSX.TargetedEvent<HTMLElement>) => {
    const el = e.target as HTMLTextAreaElement;
    if (el.classList.contains('pc-input') && !v.items.length) setDraft(el.value.trim()), load();
  };
  const bar = (
    <input
      class="hs"
      type="search"
      data-parley="help-search"
      placeholder={t.helpSearch}
      aria-label={t.helpSearch}
      value={s?.q || ''}
      onFocus={load}
      onInput={(e) => (load(), set({ q: e.currentTarget.value }))}
    />
  );
  return {
    bar,
    onInput,
    view: m && s && <m.Help s={s} set={set} a={a} />,
    suggest: m && !s && !v.items.length && draft && <m.Suggest q={draft} set={set} a={a} />,
  };
}
