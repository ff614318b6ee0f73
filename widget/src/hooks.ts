// A minimal preact/hooks for the widget build (vite.config.ts aliases 'preact/hooks' here): only the four hooks the
// widget uses, ~1 KB gzipped smaller. Effects, layout or not, run when preact commits (refs are set, DOM attached);
// cleanups run before the next run and on unmount. Relies on preact 10's stable mangled option names (__r, __c).
import { options, type Component } from 'preact';

type Slot = { v?: unknown; deps?: unknown[]; undo?: unknown };
type Host = Component & { $h?: Slot[] };
type Opts = {
  __r?: (v: { __c: Host }) => void;
  __c?: (root: unknown, queue: unknown[]) => void;
  unmount?: (v: { __c?: Host }) => void;
};

const o = options as unknown as Opts;
const { __r: render, __c: commit, unmount } = o;
let host: Host;
let at = 0;
const due: (() => void)[] = [];

o.__r = (v) => {
  render?.(v);
  host = v.__c;
  at = 0;
};
o.__c = (root, queue) => {
  for (const f of due.splice(0)) f();
  commit?.(root, queue);
};
o.unmount = (v) => {
  unmount?.(v);
  v.__c?.$h?.forEach(cleanup);
};

const cleanup = (s: Slot) => typeof s.undo == 'function' && s.undo();
const slot = (): Slot => ((host.$h ||= [])[at++] ||= {});
const changed = (s: Slot, deps?: unknown[]) => !deps || !s.deps || deps.some((d, i) => d !== s.deps![i]);

/** State that re-renders its component when set to a new value. */
export function useState<T>(init: T): [T, (v: T) => void] {
  const s = slot();
  const c = host;
  if (!('v' in s)) s.v = [init, (v: T) => v !== (s.v as [T])[0] && (((s.v as [T])[0] = v), c.setState({}))];
  return s.v as [T, (v: T) => void];
}

/** A mutable box that lives as long as the component. */
export const useRef = <T>(init: T): { current: T } => useState({ current: init })[0];

/** Runs `f` after the commit when `deps` changed (every render without deps); its return value is the cleanup. */
export function useEffect(f: () => unknown, deps?: unknown[]): void {
  const s = slot();
  if (!changed(s, deps)) return;
  s.deps = deps;
  due.push(() => {
    cleanup(s);
    s.undo = f();
  });
}

/** The same as useEffect here: the widget needs no paint between the two. */
export const useLayoutEffect = useEffect;
