// "Block this visitor" in the conversation sidebar (owners and admins): a reason, optionally their IP and email,
// then an explicit confirmation. What the visitor typed (email) is shown as text only.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { blockApi } from '../api-blocks';
import { alreadyBlocked, type BlockTarget, ipToBlock, visitorBlocks } from '../state/blocks';
import { blockStrings as t } from '../strings-blocks';
import { ErrorText } from './ErrorText';

/** The block action for one visitor of `siteId`. */
export function BlockVisitor({ siteId, target }: { siteId: string; target: BlockTarget }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [ip, setIp] = useState(false);
  const [email, setEmail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // One after the other: the visitor first, so their sockets close even if an extra block fails.
      for (const body of visitorBlocks(target, { reason, ip, email })) {
        await blockApi.create(siteId, body).catch((e: ApiError) => {
          if (!alreadyBlocked(e.code)) throw e;
        });
      }
      setDone(true);
      setOpen(false);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <p class="muted" role="status" data-testid="visitor-blocked">
        {t.blocked}
      </p>
    );
  if (!open) {
    return (
      <button
        type="button"
        class="button button-secondary button-danger"
        onClick={() => setOpen(true)}
        data-testid="block-visitor"
      >
        {t.blockVisitor}
      </button>
    );
  }
  return (
    <form class="block-form" aria-label={t.blockVisitor} onSubmit={confirm} data-testid="block-form">
      <p class="muted small">{t.blockHint}</p>
      <label class="field">
        <span class="field-label">{t.reason}</span>
        <textarea
          class="input textarea"
          rows={2}
          maxLength={500}
          value={reason}
          placeholder={t.reasonPlaceholder}
          onInput={(e) => setReason(e.currentTarget.value)}
          data-testid="block-reason"
        />
      </label>
      {target.lastIp && (
        <label class="check">
          <input type="checkbox" checked={ip} onChange={(e) => setIp(e.currentTarget.checked)} data-testid="block-ip" />
          {t.alsoIp(ipToBlock(target.lastIp))}
        </label>
      )}
      {target.email && (
        <label class="check">
          <input
            type="checkbox"
            checked={email}
            onChange={(e) => setEmail(e.currentTarget.checked)}
            data-testid="block-email"
          />
          {t.alsoEmail(target.email)}
        </label>
      )}
      <ErrorText message={error} />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy} data-testid="block-confirm">
          {t.confirmBlock}
        </button>
        <button type="button" class="button button-ghost" onClick={() => setOpen(false)} data-testid="block-cancel">
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
