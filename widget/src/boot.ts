// The handoff between the loader (dist/widget.js) and the app (widget-app.js): a type only, so that neither entry
// point imports the other.
import type { PublicWidgetConfig } from '../../protocol/settings';

/** What the loader hands to the app's start(). */
export type Boot = {
  site: string;
  /** The API origin (where widget.js came from). */
  base: string;
  host: HTMLElement;
  shadow: ShadowRoot;
  btn: HTMLButtonElement;
  /** The first config fetch (null when it failed). */
  config: Promise<PublicWidgetConfig | null>;
  /** Calls made before the app loaded, in order. */
  q: ArrayLike<unknown>[];
  /** Themes the host and launcher from a config (also used on every re-check). */
  apply: (cfg: PublicWidgetConfig | null) => void;
  /** Hides or shows the whole widget (Parley('hide'/'show')). */
  hide: (h?: boolean) => void;
  /** A continuation link's token, taken from the page's URL (docs/widget.md "Continuing on another device"). */
  cont?: string;
};
