// One kept email: headers, the HTML body in a fully sandboxed iframe (or the plain text), and its links.
import { useState } from 'preact/hooks';
import type { OutboxEmail } from '../api-dev';
import { extractLinks } from '../state/outbox';
import { devStrings as t } from '../strings-dev';
import { fullDateTime } from '../time';

/** The preview of the selected email. */
export function OutboxPreview({ email }: { email: OutboxEmail }) {
  const [showText, setShowText] = useState(false);
  const links = extractLinks(email.text);
  const headers: [string, string, string][] = [
    [t.from, email.from, 'from'],
    [t.to, email.to, 'to'],
    [t.replyTo, email.replyTo ?? '—', 'reply-to'],
    [t.date, fullDateTime(email.createdAt), 'date'],
  ];
  return (
    <article class="card outbox-preview" data-testid="outbox-preview" data-id={email.id}>
      <h2 class="card-title" data-testid="outbox-subject">
        {email.subject || t.noSubject}
      </h2>
      <dl class="outbox-headers">
        {headers.map(([label, value, key]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`outbox-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="form-actions">
        <button
          type="button"
          class="button button-ghost"
          aria-pressed={showText}
          onClick={() => setShowText(!showText)}
          data-testid="outbox-toggle-text"
        >
          {showText ? t.showHtml : t.showText}
        </button>
      </div>
      {showText ? (
        <pre class="outbox-text" data-testid="outbox-text">
          {email.text}
        </pre>
      ) : (
        // sandbox="" allows nothing: no scripts, no forms, an opaque origin, so the mail cannot reach the console's token.
        <iframe
          class="outbox-html"
          sandbox=""
          srcdoc={email.html}
          title={t.htmlFrame(email.subject)}
          data-testid="outbox-html"
        />
      )}
      <section class="outbox-links">
        <h3 class="outbox-links-title">{t.links}</h3>
        {links.length === 0 ? (
          <p class="muted">{t.noLinks}</p>
        ) : (
          <ul>
            {links.map((href) => (
              <li key={href}>
                <a href={href} target="_blank" rel="noopener noreferrer" data-testid="outbox-link">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
