// /settings: the current site's widget settings in one form, saved with one PATCH; agents see it read-only.
import { useState } from 'preact/hooks';
import type { Agent, Site } from '../../../protocol';
import type { ApiError } from '../api';
import { settingsApi } from '../api-settings';
import { AppearanceFields } from '../components/settings/AppearanceFields';
import { AvailabilityLine } from '../components/settings/AvailabilityLine';
import { BusinessHoursFields } from '../components/settings/BusinessHoursFields';
import { FieldError, SelectField, SettingsCard } from '../components/settings/controls';
import { IdentitySecret } from '../components/settings/IdentitySecret';
import { InstallSnippets } from '../components/settings/InstallSnippets';
import { canManageTeam } from '../state/people';
import { bodyFromForm, errorField, formFromSite, type SettingsForm } from '../state/settings-form';
import { settingsStrings as t } from '../strings-settings';

type FormError = { message: string; field: string | null };

/** The settings page; onSaved puts the updated site back into the workspace's list. */
export function SettingsPage({ agent, site, onSaved }: { agent: Agent; site: Site; onSaved: (site: Site) => void }) {
  const editable = canManageTeam(agent.role);
  const [form, setForm] = useState<SettingsForm>(() => formFromSite(site));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [version, setVersion] = useState(0);
  const update = (patch: Partial<SettingsForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setSaved(false);
  };

  async function save(event: Event) {
    event.preventDefault();
    setError(null);
    const result = bodyFromForm(form);
    if ('error' in result) return setError({ message: result.error, field: result.field });
    setSaving(true);
    try {
      const { site: updated } = await settingsApi.updateSite(site.id, result.body);
      onSaved(updated);
      setForm(formFromSite(updated));
      setSaved(true);
      setVersion((v) => v + 1);
    } catch (e) {
      const message = (e as ApiError).message;
      setError({ message, field: errorField(message) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <main class="page settings-page" data-testid="settings-page">
      <div class="page-head">
        <h1 class="page-title">{t.title}</h1>
        {!editable && (
          <p class="muted" data-testid="settings-read-only">
            {t.readOnly}
          </p>
        )}
      </div>
      <form class="settings-form" onSubmit={save} noValidate>
        {/* A disabled fieldset makes every control read-only for agents in one place. */}
        <fieldset class="settings-fieldset" disabled={!editable}>
          <AppearanceFields form={form} update={update} error={error} />
          <SettingsCard title={t.behaviour}>
            <AvailabilityLine siteKey={site.key} version={version} />
            <div class="settings-grid">
              <SelectField
                label={t.preChat}
                value={form.preChat}
                options={t.preChats}
                testId="settings-prechat"
                onChange={(preChat) => update({ preChat })}
              />
              <SelectField
                label={t.offline}
                value={form.offline}
                options={t.offlines}
                testId="settings-offline"
                onChange={(offline) => update({ offline })}
              />
              <label class="field">
                <span class="field-label">{t.idle}</span>
                <input
                  class="input input-number-wide"
                  type="number"
                  min={5}
                  max={43200}
                  step={1}
                  value={form.idleMinutes}
                  data-testid="settings-idle"
                  onInput={(e) => update({ idleMinutes: e.currentTarget.value })}
                />
                <span class="field-hint">{t.idleHint}</span>
                <FieldError error={error} field="idle" />
              </label>
              <label class="field">
                <span class="field-label">{t.unreadEmail}</span>
                <input
                  class="input input-number-wide"
                  type="number"
                  min={0.05}
                  max={1440}
                  step="any"
                  value={form.unreadEmailMinutes}
                  data-testid="settings-unread-email"
                  onInput={(e) => update({ unreadEmailMinutes: e.currentTarget.value })}
                />
                <span class="field-hint">{t.unreadEmailHint}</span>
                <FieldError error={error} field="unreadEmail" />
              </label>
            </div>
          </SettingsCard>
          <SettingsCard title={t.hours} hint={t.hoursHint}>
            <BusinessHoursFields form={form} update={update} error={error} />
          </SettingsCard>
          <SettingsCard title={t.security}>
            <div class="settings-grid">
              <SelectField
                label={t.identity}
                value={form.identity}
                options={t.identities}
                testId="settings-identity"
                onChange={(identity) => update({ identity })}
              >
                <FieldError error={error} field="identity" />
              </SelectField>
              {editable && <IdentitySecret siteId={site.id} />}
              <SelectField
                label={t.turnstile}
                value={form.turnstile}
                options={t.turnstiles}
                testId="settings-turnstile"
                onChange={(turnstile) => update({ turnstile })}
              >
                <span class="field-hint">{t.turnstileHint}</span>
                <FieldError error={error} field="turnstile" />
              </SelectField>
              <label class="field settings-wide">
                <span class="field-label">{t.origins}</span>
                <textarea
                  class="input textarea"
                  rows={3}
                  value={form.origins}
                  placeholder={'https://example.com\nhttps://*.example.com'}
                  spellcheck={false}
                  data-testid="settings-origins"
                  onInput={(e) => update({ origins: e.currentTarget.value })}
                />
                <span class="field-hint">{t.originsHint}</span>
                <FieldError error={error} field="origins" />
              </label>
            </div>
          </SettingsCard>
        </fieldset>
        {editable && (
          <div class="save-bar">
            <button type="submit" class="button button-primary" disabled={saving} data-testid="settings-save">
              {saving ? t.saving : t.save}
            </button>
            {saved && (
              <span class="saved" role="status" data-testid="settings-saved">
                ✓ {t.saved}
              </span>
            )}
            {error && (
              <span class="error-text save-error" role="alert" data-testid="settings-error">
                {error.message}
              </span>
            )}
          </div>
        )}
      </form>
      <InstallSnippets site={site} />
    </main>
  );
}
