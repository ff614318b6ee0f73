// A person's request: find the visitor, download their data, erase them after a typed confirmation.
// Names and emails were typed by visitors: text only.
import { useState } from 'preact/hooks';
import type { ErasureResult, PrivacyVisitor } from '../../../../protocol';
import { privacyApi } from '../../api-privacy';
import { useNow } from '../../hooks/useNow';
import { findBy } from '../../state/privacy';
import { strings } from '../../strings';
import { privacyStrings as t } from '../../strings-privacy';
import { fullDateTime, relativeTime } from '../../time';
import { ErrorText } from '../ErrorText';
import { Field } from '../Field';
import { EraseConfirm } from './EraseConfirm';

/** The visitor search card with each match's actions. */
export function VisitorRequests() {
  const [text, setText] = useState('');
  const [visitors, setVisitors] = useState<PrivacyVisitor[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [erasing, setErasing] = useState<string | null>(null);
  const [done, setDone] = useState<ErasureResult | null>(null);
  const now = useNow(60_000);

  async function run<T>(f: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    }
  }
  async function find(event: Event) {
    event.preventDefault();
    if (!text.trim()) return;
    setDone(null);
    const found = await run(() => privacyApi.find(findBy(text)));
    if (found) setVisitors(found.visitors);
  }
  async function erase(id: string, confirm: string) {
    const result = await run(() => privacyApi.erase(id, confirm));
    if (!result) return;
    setErasing(null);
    setDone(result.erasure);
    const again = await run(() => privacyApi.find({ id }));
    if (again) setVisitors(again.visitors);
  }

  return (
    <section class="card privacy-card" aria-label={t.findTitle} data-testid="privacy-visitors">
      <h2 class="card-title">{t.findTitle}</h2>
      <p class="muted">{t.findHint}</p>
      <form class="form-actions" onSubmit={find}>
        <Field
          label={t.findLabel}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          maxLength={254}
          data-testid="privacy-find-input"
        />
        <button type="submit" class="button" data-testid="privacy-find">
          {t.find}
        </button>
      </form>
      <ErrorText message={error} />
      {done && (
        <p role="status" data-testid="privacy-erased">
          {t.erased(done)}
        </p>
      )}
      {visitors && visitors.length === 0 && (
        <p class="muted" data-testid="privacy-no-visitor">
          {t.noVisitor}
        </p>
      )}
      {visitors && visitors.length > 0 && (
        <div class="table-scroll">
          <table class="table" data-testid="privacy-visitor-list">
            <thead>
              <tr>
                <th>{t.colVisitor}</th>
                <th>{t.colSite}</th>
                <th>{t.colConversations}</th>
                <th>{t.colLastSeen}</th>
                <th>
                  <span class="visually-hidden">{t.exportData}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visitors.map((v) => (
                <tr key={v.id} data-testid="privacy-visitor" data-id={v.id}>
                  <td>
                    <div>{v.name ?? v.email ?? t.anonymous}</div>
                    {v.name && v.email && <div class="muted">{v.email}</div>}
                    <div class="muted mono">{v.id}</div>
                  </td>
                  <td>{v.siteName}</td>
                  <td>{String(v.conversations)}</td>
                  <td title={fullDateTime(v.lastSeenAt)}>{strings.ago(relativeTime(v.lastSeenAt, now))}</td>
                  <td>
                    {v.erasedAt ? (
                      <span class="muted">{t.erasedOn(strings.ago(relativeTime(v.erasedAt, now)))}</span>
                    ) : erasing === v.id ? (
                      <EraseConfirm id={v.id} onErase={(c) => erase(v.id, c)} onCancel={() => setErasing(null)} />
                    ) : (
                      <div class="form-actions">
                        <button
                          type="button"
                          class="button button-small"
                          onClick={() => void run(() => privacyApi.exportVisitor(v.id))}
                          data-testid="privacy-visitor-export"
                        >
                          {t.exportData}
                        </button>
                        <button
                          type="button"
                          class="button button-small button-danger"
                          onClick={() => setErasing(v.id)}
                          data-testid="privacy-visitor-erase"
                        >
                          {t.erase}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
