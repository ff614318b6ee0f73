// The sidebar's visitor profile. Every value comes from the visitor's browser, so all of it renders as text,
// and the only links are http(s) page URLs opened with rel=noopener.
import type { ComponentChildren } from 'preact';
import type { VisitorProfile } from '../../../protocol';
import type { VisitorDetails } from '../api-conversations';
import { useNow } from '../hooks/useNow';
import { conversationPath, onLinkClick } from '../router';
import { previewLine } from '../state/inbox';
import { strings } from '../strings';
import { blockStrings } from '../strings-blocks';
import { fullDateTime, relativeTime } from '../time';

/** The visitor section; `details` undefined while loading. */
export function VisitorPanel({ details, error }: { details: VisitorDetails | undefined; error: string | null }) {
  const now = useNow(30_000);
  if (error)
    return (
      <p class="error-text" role="alert">
        {error}
      </p>
    );
  if (!details) return <p class="muted">{strings.loading}</p>;
  const v = details.visitor;
  const location = [v.city, v.country].filter(Boolean).join(', ');
  return (
    <>
      <div class="visitor-head">
        <strong data-testid="visitor-name">
          {v.name || strings.visitorPrefix + v.id.replace(/^[a-z]+_/, '').slice(0, 6)}
        </strong>
        {v.email && (
          <span class="muted" data-testid="visitor-email">
            {v.email}
          </span>
        )}
      </div>
      <dl class="facts">
        <Fact label={strings.browser} testId="visitor-browser">
          {v.browser}
        </Fact>
        <Fact label={strings.os} testId="visitor-os">
          {v.os}
        </Fact>
        <Fact label={strings.device} testId="visitor-device">
          {v.device}
        </Fact>
        <Fact label={strings.currentPage} testId="visitor-page">
          <PageLink url={v.currentUrl} title={v.currentTitle} />
        </Fact>
        <Fact label={strings.referrer} testId="visitor-referrer">
          <PageLink url={v.referrer} />
        </Fact>
        <Fact label={strings.landingPage} testId="visitor-landing">
          <PageLink url={v.landingUrl} />
        </Fact>
        <Fact label={strings.location} testId="visitor-location">
          {location}
        </Fact>
        <Fact label={blockStrings.ipAddress} testId="visitor-ip">
          {v.lastIp}
        </Fact>
        <Fact label={strings.firstSeen} testId="visitor-first-seen">
          <Ago iso={v.firstSeenAt} now={now} />
        </Fact>
        <Fact label={strings.lastSeen} testId="visitor-last-seen">
          <Ago iso={v.lastSeenAt} now={now} />
        </Fact>
        <Fact label={strings.visits} testId="visitor-visits">
          {String(v.visits)}
        </Fact>
      </dl>
      <h4 class="sidebar-subtitle">{strings.pastConversations}</h4>
      {details.conversations.length === 0 && <p class="muted small">{strings.noPastConversations}</p>}
      <ul class="past">
        {details.conversations.map((c) => (
          <li key={c.id}>
            <a
              href={conversationPath(c.id)}
              onClick={(e) => onLinkClick(e, conversationPath(c.id))}
              data-testid="past-conversation"
              data-id={c.id}
            >
              <span class="past-preview">{previewLine(c)}</span>
              <span class="muted small">{`${c.status} · ${relativeTime(c.lastMessageAt ?? c.createdAt, now)}`}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ComponentChildren }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{empty ? <span class="muted">—</span> : children}</dd>
    </>
  );
}

function Ago({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={fullDateTime(iso)}>
      {strings.ago(relativeTime(iso, now))}
    </time>
  );
}

/** A page the visitor was on: a link only for http(s) URLs (never javascript: or data:), the title shown when known. */
function PageLink({ url, title }: { url: VisitorProfile['currentUrl']; title?: string | null }) {
  if (!url) return <span class="muted">—</span>;
  const safe = /^https?:\/\//i.test(url) ? url : null;
  return (
    <span class="page-link">
      {safe ? (
        <a href={safe} target="_blank" rel="noopener noreferrer" title={url}>
          {url}
        </a>
      ) : (
        <span title={url}>{url}</span>
      )}
      {title && <span class="muted small">{title}</span>}
    </span>
  );
}
