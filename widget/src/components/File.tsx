// The core's stand-in for a file message's attachment: it loads the on-demand chunk (components/Attachment.tsx)
// on the first file shown, and renders nothing until it is there (the message shows the file's name meanwhile).
import { h as make } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { attachment, Props } from './Attachment';
import { chunk } from './chunk';

let Real: ReturnType<typeof attachment> | undefined;
let loading: Promise<unknown> | undefined;

/** The attachment, once its chunk is loaded. */
export function File(p: Props) {
  const [, loaded] = useState(0);
  useEffect(() => {
    if (Real) return;
    // A failed load (offline) is tried again by the next file rendered.
    (loading ||= chunk<{ attachment: typeof attachment }>('widget-file.js').then(
      (m) => (Real = m.attachment({ h: make, useState, useEffect })),
      () => (loading = undefined),
    )).then(() => Real && loaded(1));
  }, []);
  return Real ? <Real {...p} /> : null;
}
