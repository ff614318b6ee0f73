// A small picture of the widget on a page: the launcher's colour, side and text, and the panel's title and greeting.
import { pickerColor, type SettingsForm } from '../../state/settings-form';
import { settingsStrings as t } from '../../strings-settings';

/** Live preview of the form's appearance (text is rendered as text). */
export function LauncherPreview({ form }: { form: SettingsForm }) {
  const color = pickerColor(form.color);
  const text = form.launcherText.trim();
  return (
    <figure
      class={`preview preview-${form.position}`}
      data-testid="settings-preview"
      data-position={form.position}
      aria-label={t.preview}
    >
      <div class="preview-panel">
        <div class="preview-head" style={{ background: color }} title={form.title.trim() || undefined}>
          {form.title.trim() || '\u00a0'}
        </div>
        <div class="preview-body">{form.greeting.trim() && <p class="preview-greeting">{form.greeting.trim()}</p>}</div>
      </div>
      <div
        class={`preview-launcher${text ? ' preview-launcher-text' : ''}`}
        style={{ background: color }}
        data-testid="settings-preview-launcher"
      >
        <svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
          <path d="M12 3C6.5 3 2 6.9 2 11.7c0 2.4 1.1 4.6 3 6.2-.2 1.3-.8 2.6-1.8 3.6 2.1 0 3.9-.7 5.2-1.7 1.1.3 2.3.5 3.6.5 5.5 0 10-3.9 10-8.6S17.5 3 12 3z" />
        </svg>
        {text && <span title={text}>{text}</span>}
      </div>
      <figcaption class="visually-hidden">{t.preview}</figcaption>
    </figure>
  );
}
