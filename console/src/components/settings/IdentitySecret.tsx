// The site's identity secret: masked until revealed, copyable, rotated after a confirmation.
// It is loaded only for owners and admins (the server refuses agents) and never logged or put in a URL.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { settingsApi } from '../../api-settings';
import { maskSecret } from '../../state/snippet';
import { settingsStrings as t } from '../../strings-settings';
import { ErrorText } from '../ErrorText';
import { CopyButton } from './controls';

/** Secret row of the security card. */
export function IdentitySecret({ siteId }: { siteId: string }) {
  const [secret, setSecret] = useState<string | null | undefined>(undefined);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    settingsApi
      .identitySecret(siteId)
      .then((r) => !cancelled && setSecret(r.secret))
      .catch((e: ApiError) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [siteId]);

  async function rotate() {
    if (!confirm(t.rotateConfirm)) return;
    setBusy(true);
    setError(null);
    try {
      setSecret((await settingsApi.rotateSecret(siteId)).secret);
      setRevealed(true);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  const shown = secret ? (revealed ? secret : maskSecret(secret)) : '';
  return (
    <div class="field">
      <span class="field-label" id="secret-label">
        {t.secret}
      </span>
      <div class="secret-row">
        <input
          class="input secret-input"
          readOnly
          value={shown}
          placeholder={secret === null ? t.noSecret : ''}
          aria-labelledby="secret-label"
          data-testid="settings-secret"
          data-revealed={revealed ? 'true' : 'false'}
          spellcheck={false}
          autocomplete="off"
        />
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={!secret}
          aria-pressed={revealed}
          onClick={() => setRevealed(!revealed)}
          data-testid="settings-secret-reveal"
        >
          {revealed ? t.hide : t.reveal}
        </button>
        {secret && revealed && <CopyButton text={secret} />}
        <button
          type="button"
          class="button button-secondary button-small button-danger"
          disabled={busy || secret === undefined}
          onClick={rotate}
          data-testid="settings-secret-rotate"
        >
          {t.rotate}
        </button>
      </div>
      <span class="field-hint">{t.secretHint}</span>
      <ErrorText message={error} />
    </div>
  );
}
