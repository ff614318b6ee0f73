// The workspace export: filters, one download per file, rows done of the total while it streams.
import { useState } from 'preact/hooks';
import type { Site } from '../../../../protocol';
import { privacyApi } from '../../api-privacy';
import { type ExportForm, exportFiles } from '../../state/privacy';
import { privacyStrings as t } from '../../strings-privacy';
import { ErrorText } from '../ErrorText';
import { Field } from '../Field';

type Progress = { file: string; done: number; total: number; finished: boolean };

/** The export card. */
export function ExportSection({ sites }: { sites: Site[] }) {
  const [form, setForm] = useState<ExportForm>({ siteId: '', from: '', to: '', format: 'jsonl' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = !!progress && !progress.finished;
  const set = (patch: Partial<ExportForm>) => setForm((f) => ({ ...f, ...patch }));

  async function download(name: string, query: ReturnType<typeof exportFiles>[number]['query']) {
    setError(null);
    try {
      const rows = await privacyApi.exportFile(name, query, (done, total) =>
        setProgress({ file: name, done, total, finished: false }),
      );
      setProgress({ file: name, done: rows, total: rows, finished: true });
    } catch (e) {
      setProgress(null);
      setError((e as Error).message);
    }
  }

  return (
    <section class="card privacy-card" aria-label={t.exportTitle} data-testid="privacy-export">
      <h2 class="card-title">{t.exportTitle}</h2>
      <p class="muted">{t.exportHint}</p>
      <div class="form-actions">
        <label class="field">
          <span class="field-label">{t.site}</span>
          <select
            class="select"
            value={form.siteId}
            onChange={(e) => set({ siteId: e.currentTarget.value })}
            data-testid="privacy-export-site"
          >
            <option value="">{t.allSites}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <Field
          label={t.from}
          type="date"
          value={form.from}
          onInput={(e) => set({ from: e.currentTarget.value })}
          data-testid="privacy-export-from"
        />
        <Field
          label={t.to}
          type="date"
          value={form.to}
          onInput={(e) => set({ to: e.currentTarget.value })}
          data-testid="privacy-export-to"
        />
        <label class="field">
          <span class="field-label">{t.format}</span>
          <select
            class="select"
            value={form.format}
            onChange={(e) => set({ format: e.currentTarget.value as ExportForm['format'] })}
            data-testid="privacy-export-format"
          >
            <option value="jsonl">{t.jsonl}</option>
            <option value="csv">{t.csv}</option>
          </select>
        </label>
      </div>
      <div class="form-actions">
        {exportFiles(form).map((f) => (
          <button
            key={f.name}
            type="button"
            class="button"
            disabled={busy}
            onClick={() => void download(f.name, f.query)}
            data-testid="privacy-export-download"
          >
            {t.download(f.name)}
          </button>
        ))}
      </div>
      {progress && (
        <div
          class="privacy-progress"
          data-testid="privacy-export-progress"
          data-done={progress.finished ? 'true' : 'false'}
        >
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
          <span class="muted" role="status">
            {progress.finished
              ? t.exportDone(progress.file, progress.total)
              : t.progress(progress.done, progress.total)}
          </span>
        </div>
      )}
      <ErrorText message={error} />
    </section>
  );
}
