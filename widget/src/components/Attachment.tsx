// A file message's attachment: images inline, other files as a download link. Both fetch the bytes with the
// bearer token (tokens never go in URLs, so no <img src="...?token=">) and show an object URL.
import { useEffect, useState } from 'preact/hooks';
import type { VisitorMessage as Message } from '../../../protocol';
import type { Actions } from '../chat';
import { fileSize, isImage } from '../files';

/** Inline image or download link for `file`. */
export function Attachment({ file, a }: { file: NonNullable<Message['file']>; a: Actions }) {
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
}
