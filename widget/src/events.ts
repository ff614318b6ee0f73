// The page's event subscriptions (Parley('on', event, cb)): a tiny emitter that never lets a page callback break the widget.

/** Events the page can listen to, and what their callbacks receive. */
export type Events = {
  ready: [];
  open: [];
  close: [];
  message: [{ id: string; body: string; sender: { type: string; name?: string }; createdAt: string }];
  unread: [number];
};

/** A minimal typed emitter: on() returns the unsubscribe function; emit() reports subscribers' exceptions, never throws. */
export type Emitter = ReturnType<typeof emitter>;

/** Creates an emitter (a closure: smaller than a class once minified). */
export function emitter() {
  const subs: { [K in keyof Events]?: Set<(...a: Events[K]) => void> } = {};
  let ready = false;
  return {
    on<K extends keyof Events>(name: K, cb: (...a: Events[K]) => void): () => void {
      const set = (subs[name] ||= new Set() as never) as Set<typeof cb>;
      set.add(cb);
      // A 'ready' listener added after the widget loaded still hears it.
      if (name == 'ready' && ready) setTimeout(cb);
      return () => set.delete(cb);
    },
    emit<K extends keyof Events>(name: K, ...args: Events[K]): void {
      ready ||= name == 'ready';
      subs[name]?.forEach((cb) => {
        try {
          (cb as (...a: Events[K]) => void)(...args);
        } catch (e) {
          console.error('[parley]', e);
        }
      });
    },
  };
}
