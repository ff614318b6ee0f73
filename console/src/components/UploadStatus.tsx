// Upload progress and refusals above the composer.
import type { UploadValue } from '../hooks/useUpload';
import { settingsStrings as t } from '../strings-settings';

/** A progress bar while a file goes up; the reason when one was refused. */
export function UploadStatus({ upload }: { upload: UploadValue }) {
  const { progress, error } = upload;
  if (!progress && !error) return null;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <div class="upload-status">
      {progress && (
        <div class="upload-progress" data-testid="upload-progress" data-percent={percent}>
          <span class="upload-label">{t.uploading(progress.name, percent)}</span>
          <progress max={100} value={percent} aria-label={progress.name} />
          <button type="button" class="link-button" onClick={upload.cancel}>
            {t.cancelUpload}
          </button>
        </div>
      )}
      {error && (
        <p class="error-text upload-error" role="alert" data-testid="upload-error">
          {error}{' '}
          <button type="button" class="link-button" onClick={upload.clearError} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
    </div>
  );
}
