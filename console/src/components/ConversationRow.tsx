// One inbox row; everything the visitor typed is rendered as text by Preact, never as HTML.
import type { Conversation } from '../../../protocol';
import { conversationPath, onLinkClick } from '../router';
import { previewLine, visitorLabel } from '../state/inbox';
import { initials } from '../state/people';
import { strings } from '../strings';
import { fullDateTime, relativeTime } from '../time';

/** A row linking to the conversation. */
export function ConversationRow({
  conversation,
  selected,
  cursor,
  now,
}: {
  conversation: Conversation;
  selected: boolean;
  cursor?: boolean;
  now: number;
}) {
  const unread = conversation.agentUnread > 0;
  const at = conversation.lastMessageAt ?? conversation.createdAt;
  const path = conversationPath(conversation.id);
  // Only the priorities that need attention get a dot; low and normal would be noise on every row.
  const urgent = conversation.priority === 'high' || conversation.priority === 'urgent';
  return (
    <li>
      <a
        href={path}
        onClick={(e) => onLinkClick(e, path)}
        class={`row${unread ? ' row-unread' : ''}${selected ? ' row-selected' : ''}${cursor ? ' row-cursor' : ''}`}
        aria-current={selected ? 'page' : undefined}
        data-testid="conversation-row"
        data-id={conversation.id}
        data-unread={unread ? 'true' : 'false'}
        data-cursor={cursor ? 'true' : undefined}
        data-status={conversation.status}
        data-priority={conversation.priority}
      >
        <div class="row-top">
          {unread && <span class="unread-dot" role="img" aria-label={strings.unread} />}
          {urgent && (
            <span
              class={`priority-dot priority-${conversation.priority}`}
              role="img"
              title={strings.priorityLabels[conversation.priority]}
              aria-label={strings.priorityLabels[conversation.priority]}
              data-testid="row-priority"
            />
          )}
          <span class="row-name" title={visitorLabel(conversation)}>
            {visitorLabel(conversation)}
          </span>
          <span class={`row-status row-status-${conversation.status}`} data-testid="row-status">
            {strings.statusLabels[conversation.status]}
          </span>
          <time class="row-time" dateTime={at} title={fullDateTime(at)} data-testid="time">
            {relativeTime(at, now)}
          </time>
        </div>
        <div class="row-bottom">
          <span class="row-preview" data-testid="preview" title={previewLine(conversation)}>
            {previewLine(conversation)}
          </span>
          {conversation.assigneeId && (
            <span class="row-assignee" title={conversation.assigneeName ?? ''} data-testid="row-assignee">
              {initials(conversation.assigneeName)}
            </span>
          )}
          <span class="row-count" title={strings.messagesCount(conversation.messageCount)} data-testid="count">
            {conversation.messageCount}
          </span>
        </div>
      </a>
    </li>
  );
}
