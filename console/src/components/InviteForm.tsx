// The invite form; the returned link is shown with a copy button, since email may not be set up yet.
import { useState } from 'preact/hooks';
import type { Agent } from '../../../protocol';
import type { ApiError } from '../api';
import { teamApi } from '../api-team';
import { adminStrings as t } from '../strings-admin';
import { ErrorText } from './ErrorText';

/** Invites an agent and reports them to the team list. */
export function InviteForm({ onInvited }: { onInvited: (agent: Agent) => void }) {
  const empty = { name: '', email: '', role: 'agent' as 'agent' | 'admin', maxConcurrent: '5' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [rawLink, setRawLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await teamApi.invite({
        name: form.name,
        email: form.email,
        role: form.role,
        maxConcurrent: Number(form.maxConcurrent) || 5,
      });
      onInvited(result.agent);
      // The server answers with a path; a full URL is what an admin pastes into a chat or an email.
      setLink(new URL(result.inviteUrl, location.origin).href);
      setRawLink(result.inviteUrl);
      setCopied(false);
      setForm(empty);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (http, permissions): the link stays selectable.
      setCopied(false);
    }
  }

  return (
    <form class="invite" onSubmit={submit}>
      <h3 class="card-title">{t.inviteTitle}</h3>
      <div class="invite-fields">
        <input
          class="input"
          required
          maxLength={100}
          placeholder={t.inviteName}
          aria-label={t.inviteName}
          value={form.name}
          onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
          data-testid="invite-name"
        />
        <input
          class="input"
          type="email"
          required
          maxLength={200}
          placeholder={t.inviteEmail}
          aria-label={t.inviteEmail}
          value={form.email}
          onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
          data-testid="invite-email"
        />
        <select
          class="select"
          value={form.role}
          aria-label={t.inviteRole}
          data-testid="invite-role"
          onChange={(e) => setForm({ ...form, role: e.currentTarget.value as 'agent' | 'admin' })}
        >
          <option value="agent">{t.roles.agent}</option>
          <option value="admin">{t.roles.admin}</option>
        </select>
        <input
          class="input input-number"
          type="number"
          min={1}
          max={100}
          required
          aria-label={t.inviteMax}
          title={t.inviteMax}
          value={form.maxConcurrent}
          onInput={(e) => setForm({ ...form, maxConcurrent: e.currentTarget.value })}
          data-testid="invite-max"
        />
        <button type="submit" class="button button-primary" disabled={busy} data-testid="invite-submit">
          {t.inviteSubmit}
        </button>
      </div>
      <ErrorText message={error} />
      {link && (
        <div class="invite-result">
          <span class="muted">{t.inviteLink}</span>
          <code class="invite-url" data-testid="invite-url" data-raw={rawLink ?? undefined}>
            {link}
          </code>
          <button type="button" class="button button-secondary button-small" onClick={copy} data-testid="invite-copy">
            {copied ? t.copied : t.copy}
          </button>
        </div>
      )}
    </form>
  );
}
