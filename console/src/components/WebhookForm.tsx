// Add a webhook: URL, events (all checked at first), notes only when asked, a description.
import { useState } from 'preact/hooks';
import type { CreateWebhookBody, WebhookEvent } from '../../../protocol';
import { WEBHOOK_EVENTS } from '../../../protocol/webhook-events';
import { chosenEvents } from '../state/webhooks';
import { webhookStrings as t } from '../strings-webhooks';

/** The form; `onAdd` answers whether the webhook was created (then the form clears). */
export function WebhookForm({ onAdd }: { onAdd: (b: CreateWebhookBody) => Promise<boolean> }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState(new Set<WebhookEvent>(WEBHOOK_EVENTS));
  const [notes, setNotes] = useState(false);
  const toggle = (e: WebhookEvent) => {
    const next = new Set(events);
    if (!next.delete(e)) next.add(e);
    setEvents(next);
  };
  async function submit(event: Event) {
    event.preventDefault();
    const body = { url, events: chosenEvents(WEBHOOK_EVENTS, events), includeNotes: notes, description };
    if (await onAdd(body)) {
      setUrl('');
      setDescription('');
    }
  }
  return (
    <form class="webhook-add" aria-label={t.addTitle} onSubmit={submit} data-testid="webhook-add">
      <h3 class="card-title">{t.addTitle}</h3>
      <label class="field">
        <span class="field-label">{t.url}</span>
        <input
          class="input"
          type="url"
          required
          maxLength={2000}
          placeholder="https://example.com/hooks/parley"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
          data-testid="webhook-url"
        />
      </label>
      <label class="field">
        <span class="field-label">{t.description}</span>
        <input
          class="input"
          maxLength={200}
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </label>
      <fieldset class="field">
        <legend class="field-label">{t.events}</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} class="check">
            <input
              type="checkbox"
              checked={events.has(e)}
              onChange={() => toggle(e)}
              data-testid={`webhook-event-${e}`}
            />{' '}
            {t.eventLabels[e]} <code>{e}</code>
          </label>
        ))}
        <label class="check">
          <input type="checkbox" checked={notes} onChange={() => setNotes(!notes)} data-testid="webhook-notes" />{' '}
          {t.includeNotes}
        </label>
      </fieldset>
      <button type="submit" class="button button-primary" disabled={!events.size} data-testid="webhook-add-submit">
        {t.add}
      </button>
    </form>
  );
}
