// The page's event subscriptions (Parley('on', event, cb)): a tiny emitter that never lets a page callback break the widget.

/** Events the page can listen to, and what their callbacks receive. */
export type Events = {
  ready: [];
  open: [];
  close: [];
  message: [{ id: string; body: string; sender: { type: string; name?: string }; createdAt: string }];
  unread: [number];
};

/** A minimal typed emitter. */
export class Emitter {
  #subs: { [K in keyof Events]?: Set<(...a: Events[K]) => void> } = {};
  #ready = false;

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events>(name: K, cb: (...a: Events[K]) => void): () => void {
    const set = (this.#subs[name] ||= new Set() as never) as Set<(...a: Events[K]) => void>;
    set.add(cb);
    // A 'ready' listener added after the widget loaded still hears it.
    if (name === 'ready' && this.#ready) setTimeout(cb);
    return () => set.delete(cb);
  }

  /** Calls every subscriber; their exceptions are reported, not thrown. */
  emit<K extends keyof Events>(name: K, ...args: Events[K]): void {
    if (name === 'ready') this.#ready = true;
    this.#subs[name]?.forEach((cb) => {
      try {
        (cb as (...a: Events[K]) => void)(...args);
      } catch (e) {
        console.error('[parley]', e);
      }
    });
  }
}
