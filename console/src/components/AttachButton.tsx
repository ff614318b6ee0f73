// The paperclip: a real button (keyboard and screen readers) that opens a hidden file input.
import { useRef } from 'preact/hooks';
import { ACCEPT } from '../state/files';
import { settingsStrings as t } from '../strings-settings';

/** Picks files and hands them over; the input is reset so the same file can be picked twice. */
export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="button button-ghost button-small attach"
        aria-label={t.attach}
        title={t.attach}
        disabled={disabled}
        onClick={() => input.current?.click()}
        data-testid="attach"
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          aria-hidden="true"
        >
          <path d="M21.4 11.1 12.2 20.3a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
        </svg>
        <span class="attach-label">{t.attach}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
