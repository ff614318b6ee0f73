// Retention per site: off, or erase visitors after N months without activity (the hourly job does it).
import { useEffect, useState } from 'preact/hooks';
import type { RetentionSetting } from '../../../../protocol';
import { privacyApi } from '../../api-privacy';
import { useNow } from '../../hooks/useNow';
import { strings } from '../../strings';
import { privacyStrings as t } from '../../strings-privacy';
import { relativeTime } from '../../time';
import { ErrorText } from '../ErrorText';

const CHOICES = [1, 3, 6, 12, 24, 36, 60];

/** The retention card: one row per site. */
export function RetentionSection() {
  const [settings, setSettings] = useState<RetentionSetting[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const now = useNow(60_000);
  useEffect(() => {
    privacyApi.retention().then(
      (r) => setSettings(r.settings),
      (e: Error) => setError(e.message),
    );
  }, []);

  async function change(siteId: string, value: string) {
    setError(null);
    setSaved(null);
    try {
      const { setting } = await privacyApi.setRetention(siteId, value ? Number(value) : null);
      setSettings((list) => list?.map((s) => (s.siteId === siteId ? setting : s)) ?? null);
      setSaved(siteId);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section class="card privacy-card" aria-label={t.retentionTitle} data-testid="privacy-retention">
      <h2 class="card-title">{t.retentionTitle}</h2>
      <p class="muted">{t.retentionHint}</p>
      <ErrorText message={error} />
      {settings === null ? (
        !error && <p class="muted">{strings.loading}</p>
      ) : (
        <table class="table">
          <tbody>
            {settings.map((s) => (
              <tr key={s.siteId} data-testid="privacy-retention-row" data-site={s.siteId}>
                <td>{s.siteName}</td>
                <td>
                  <select
                    class="select"
                    aria-label={`${t.retentionTitle}: ${s.siteName}`}
                    value={s.months === null ? '' : String(s.months)}
                    onChange={(e) => void change(s.siteId, e.currentTarget.value)}
                    data-testid="privacy-retention-select"
                  >
                    <option value="">{t.off}</option>
                    {[...new Set([...CHOICES, ...(s.months ? [s.months] : [])])]
                      .sort((a, b) => a - b)
                      .map((m) => (
                        <option key={m} value={String(m)}>
                          {t.months(m)}
                        </option>
                      ))}
                  </select>
                  {saved === s.siteId && <span class="muted"> {t.saved}</span>}
                </td>
                <td class="muted">
                  {s.lastRunAt ? t.lastRun(strings.ago(relativeTime(s.lastRunAt, now)), s.lastErased) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
