// Loads an on-demand chunk (docs/widget.md, "Size and on-demand chunks") by URL, next to the app wherever Parley is
// deployed: outside the core size budget, and without Vite's preload helper in the core.
const here = import.meta.url;

/** Imports dist/`name` (e.g. 'widget-format.js'); the caller keeps the promise and handles a failure. */
export const chunk = <T>(name: string) => import(/* @vite-ignore */ String(new URL(name, here))) as Promise<T>;
