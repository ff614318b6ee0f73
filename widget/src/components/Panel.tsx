// The chat panel: header with status and close button, notice, message log, composer.
import type { JSX } from 'preact';
import { LIMITS } from '../../../worker/src/protocol/limits';
import type { Chat, View } from '../chat';
import { strings } from '../strings';
import { Composer } from './Composer';
import { MessageList } from './MessageList';

const noticeText = (code: string) => (strings.notice as Record<string, string>)[code] || strings.notice.error;

/** The open panel (rendered only while open). */
export function Panel(p: { v: View; chat: Chat; onClose: () => void }) {
  const { v, chat } = p;
  // Only resolved and closed have a line; the server reopens the conversation when the visitor writes.
  const life = v.convStatus && strings.lifecycle[v.convStatus];
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      p.onClose();
    }
  };
  return (
    <div class="p-panel" role="dialog" aria-label={strings.panelLabel} data-parley="panel" onKeyDown={onKeyDown}>
      <header class="p-head">
        <div class="p-head-text">
          <div class="p-title">{strings.title}</div>
          <div class="p-status" data-parley="status" data-state={v.status}>
            <i class="p-dot" aria-hidden="true" />
            {v.assignee ? (
              <>
                <span data-parley="assignee">{strings.helping(v.assignee)}</span>
                {/* The connection problem still shows next to the name. */}
                {v.status !== 'online' && ' · ' + strings.status[v.status]}
              </>
            ) : (
              strings.status[v.status]
            )}
          </div>
        </div>
        <button type="button" class="p-close" data-parley="close" aria-label={strings.closeChat} title={strings.closeChat} onClick={p.onClose}>
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </header>
      {v.notice && (
        <div class="p-notice" role="alert" data-parley="notice" data-code={v.notice}>
          <span>{noticeText(v.notice)}</span>
          <button type="button" class="p-x" aria-label={strings.dismiss} onClick={() => chat.dismissNotice()}>
            ×
          </button>
        </div>
      )}
      <MessageList
        items={v.items}
        agentReadSeq={v.agentReadSeq}
        typing={v.typing}
        hasMore={v.hasMore}
        onRetry={(id) => chat.retry(id)}
        onLoadOlder={() => chat.loadOlder()}
      />
      {life && (
        <div class="p-life" role="status" data-parley="conversation-state" data-status={v.convStatus}>
          {life}
        </div>
      )}
      <Composer
        autoFocus
        placeholder={strings.placeholder}
        sendLabel={strings.send}
        maxLength={LIMITS.bodyMax}
        onSend={(body) => chat.send(body)}
        onTyping={(on) => chat.setTyping(on)}
        inputProps={{ 'data-parley': 'input' }}
        sendProps={{ 'data-parley': 'send' }}
      />
    </div>
  );
}
