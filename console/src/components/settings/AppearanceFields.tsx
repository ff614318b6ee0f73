// Appearance: site name, colour (picker + hex), position, texts and language, beside a live preview.
import type { Locale } from '../../../../protocol';
import { pickerColor, type SettingsForm } from '../../state/settings-form';
import { settingsStrings as t } from '../../strings-settings';
import { FieldError, SelectField, SettingsCard } from './controls';
import { LauncherPreview } from './LauncherPreview';

type Props = {
  form: SettingsForm;
  update: (patch: Partial<SettingsForm>) => void;
  error: { message: string; field: string | null } | null;
};

/** The appearance card. */
export function AppearanceFields({ form, update, error }: Props) {
  return (
    <SettingsCard title={t.appearance}>
      <div class="appearance">
        <div class="settings-grid">
          <label class="field">
            <span class="field-label">{t.siteName}</span>
            <input
              class="input"
              value={form.name}
              maxLength={100}
              required
              data-testid="settings-name"
              onInput={(e) => update({ name: e.currentTarget.value })}
            />
            <FieldError error={error} field="name" />
          </label>
          <div class="field">
            <span class="field-label" id="color-label">
              {t.color}
            </span>
            <div class="color-row">
              <input
                type="color"
                class="color-swatch"
                value={pickerColor(form.color)}
                aria-labelledby="color-label"
                data-testid="settings-color-picker"
                onInput={(e) => update({ color: e.currentTarget.value })}
              />
              <input
                class="input input-mono"
                value={form.color}
                maxLength={7}
                aria-label={t.colorHex}
                spellcheck={false}
                data-testid="settings-color"
                onInput={(e) => update({ color: e.currentTarget.value })}
              />
            </div>
            <FieldError error={error} field="color" />
          </div>
          <SelectField
            label={t.position}
            value={form.position}
            options={t.positions}
            testId="settings-position"
            onChange={(position) => update({ position })}
          />
          <SelectField
            label={t.locale}
            value={form.locale}
            options={t.locales}
            testId="settings-locale"
            onChange={(locale) => update({ locale: locale as Locale | '' })}
          >
            <FieldError error={error} field="locale" />
          </SelectField>
          <label class="field">
            <span class="field-label">{t.widgetTitle}</span>
            <input
              class="input"
              value={form.title}
              maxLength={60}
              data-testid="settings-title"
              onInput={(e) => update({ title: e.currentTarget.value })}
            />
            <FieldError error={error} field="title" />
          </label>
          <label class="field">
            <span class="field-label">{t.launcherText}</span>
            <input
              class="input"
              value={form.launcherText}
              maxLength={30}
              data-testid="settings-launcher-text"
              onInput={(e) => update({ launcherText: e.currentTarget.value })}
            />
            <span class="field-hint">{t.launcherTextHint}</span>
            <FieldError error={error} field="launcherText" />
          </label>
          <label class="field settings-wide">
            <span class="field-label">{t.greeting}</span>
            <textarea
              class="input textarea textarea-short"
              rows={2}
              maxLength={300}
              value={form.greeting}
              data-testid="settings-greeting"
              onInput={(e) => update({ greeting: e.currentTarget.value })}
            />
            <FieldError error={error} field="greeting" />
          </label>
        </div>
        <LauncherPreview form={form} />
      </div>
    </SettingsCard>
  );
}
