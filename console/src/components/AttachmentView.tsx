// A file message's attachment. The file URL needs the agent's bearer token, which must never be put
// in a URL, so the bytes are fetched with the header and shown through an object URL revoked on unmount.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Message } from '../../../protocol';
import { fetchFile } from '../api-files';
import { formatBytes, isImage } from '../state/files';
import { settingsStrings as t } from '../strings-settings';

type File = NonNullable<Message['file']>;

/** An image inline, any other file as a download link. */
export function AttachmentView({ file }: { file: File }) {
  return isImage(file.type) ? <AttachmentImage file={file} /> : <AttachmentLink file={file} />;
}

function AttachmentImage({ file }: { file: File }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    fetchFile(file.url, controller.signal)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch(() => !controller.signal.aborted && setFailed(true));
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [file.url]);
  if (failed)
    return (
      <span class="attachment-failed">
        {t.imageFailed}: {file.name}
      </span>
    );
  if (!src)
    return (
      <span class="attachment-loading" aria-busy="true">
        {t.imageLoading}
      </span>
    );
  return (
    <a class="attachment-image-link" href={src} target="_blank" rel="noopener noreferrer" download={file.name}>
      <img class="attachment-image" src={src} alt={file.name} data-testid="attachment-image" />
    </a>
  );
}

function AttachmentLink({ file }: { file: File }) {
  const [href, setHref] = useState<string | null>(null);
  const hrefRef = useRef<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => () => void (hrefRef.current && URL.revokeObjectURL(hrefRef.current)), []);

  // Fetched on the first click only: a conversation full of PDFs should not download them all.
  async function onClick(event: MouseEvent) {
    if (hrefRef.current) return;
    event.preventDefault();
    const anchor = event.currentTarget as HTMLAnchorElement;
    try {
      hrefRef.current = URL.createObjectURL(await fetchFile(file.url));
      setHref(hrefRef.current);
      setFailed(false);
      // Follow the link now that it points at the bytes (a second click, programmatically).
      anchor.href = hrefRef.current;
      anchor.click();
    } catch {
      setFailed(true);
    }
  }
  return (
    <a
      class="attachment-link"
      href={href ?? '#'}
      download={file.name}
      onClick={onClick}
      data-testid="attachment-link"
      data-name={file.name}
    >
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        aria-hidden="true"
      >
        <path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z" />
        <path d="M14 3v6h6" />
      </svg>
      <span class="attachment-name">{t.download(file.name, formatBytes(file.size))}</span>
      {failed && <span class="attachment-failed"> · {t.imageFailed}</span>}
    </a>
  );
}
