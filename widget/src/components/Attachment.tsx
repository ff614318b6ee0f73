// A file message's attachment: images inline, other files as a download link. Both fetch the bytes with the
// bearer token (tokens never go in URLs, so no <img src="...?token=">) and show an object URL.
// An on-demand chunk (dist/widget-file.js, docs/widget.md): only conversations with a file load it (components/File.tsx).
// It imports nothing of the app at run time: Preact's h and the hooks come from the app (as for help/Help.tsx).
import type { h as H } from 'preact';
import type { useEffect as UseEffect, useState as UseState } from 'preact/hooks';
import type { VisitorMessage as Message } from '../../../protocol';
import type { Actions } from '../chat';
import { fileSize, isImage } from '../files';

/** What the chunk borrows from the app. */
export type Kit = { h: typeof H; useState: typeof UseState; useEffect: typeof UseEffect };
/** The attachment's props. */
export type Props = { file: NonNullable<Message['file']>; a: Actions };

/** Builds the inline image or download link for `file` with the app's Preact. */
// biome-ignore lint/correctness/noUnusedFunctionParameters: the chunk's build compiles JSX to calls of this h
export function attachment({ h, useState, useEffect }: Kit) {
  return function Attachment({ file, a }: Props) {
    const image = isImage(file.type);
    const [src, setSrc] = useState<string | null>(null);
    useEffect(() => {
      if (image) a.file(file.url).then(setSrc, () => undefined);
    }, [file.url]);
    if (image && src) return <img class="im" data-parley="attachment-image" src={src} alt={file.name} />;
    const download = (e: Event) => {
      e.preventDefault();
      a.file(file.url).then(
        (href) => {
          const a = document.createElement('a');
          a.href = href;
          a.download = file.name;
          a.click();
        },
        () => a.notice('error'),
      );
    };
    return (
      // biome-ignore lint/a11y/useValidAnchor: a link to the file for the visitor; it needs their token, so the click fetches it and saves it through a blob URL
      <a class="fl" href="#" data-parley="attachment-link" onClick={download}>
        {file.name} ({fileSize(file.size)})
      </a>
    );
  };
}
