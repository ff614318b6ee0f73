// One message. Bodies are formatted into DOM nodes (docs/formatting.md), never HTML; attachments are fetched with the
// token (AttachmentView).
import { useState } from 'preact/hooks';
import type { Conversation, Message, MessageRevision } from '../../../protocol';
import { parse } from '../../../protocol/format';
import { toNodes } from '../../../widget/src/components/format';
import type { PendingMessage } from '../state/messages';
import { visitorLabel } from '../state/inbox';
import { strings } from '../strings';
import { clockTime, fullDateTime } from '../time';
import { toolStrings } from '../strings-tools';
import { AttachmentView } from './AttachmentView';
import { MessageActions } from './MessageActions';
import { canEdit, EditedMark, EditForm } from './MessageEdit';

/** What the message list lets an agent do with stored messages. */
export type MessageHandlers = {
  /** The signed-in agent's id: their own text and file messages can be deleted. */
  me: string;
  onQuote: (text: string) => void;
  onDelete: (message: Message) => Promise<void>;
  /** Replaces the body of the agent's own message (throws the server's refusal). */
  onEdit: (message: Message, body: string) => Promise<void>;
  /** The bodies edits replaced (agents only). */
  revisions: (message: Message) => Promise<MessageRevision[]>;
};

/** A stored message; `seen` adds the visitor's read mark under it; deleted ones show "Message deleted". */
export function MessageItem({
  message,
  conversation,
  seen,
  answered = false,
  handlers,
}: {
  message: Message;
  conversation: Conversation | null;
  seen: boolean;
  /** A visitor message came after it: an agent's text can no longer be edited. */
  answered?: boolean;
  handlers?: MessageHandlers;
}) {
  const [editing, setEditing] = useState(false);
  const { sender, kind } = message;
  if (sender.type === 'system' || kind === 'system') {
    return (
      <div class="msg-system" data-testid="message" data-sender="system" data-kind={kind} data-seq={message.seq}>
        <span data-testid="body">{message.body}</span>
        <time dateTime={message.createdAt} title={fullDateTime(message.createdAt)}>
          {clockTime(message.createdAt)}
        </time>
      </div>
    );
  }
  const deleted = Boolean(message.deletedAt);
  const author =
    sender.type === 'visitor'
      ? sender.name || (conversation ? visitorLabel(conversation) : 'Visitor')
      : sender.name || strings.agentFallback;
  return (
    <div
      class={`msg msg-${sender.type} msg-kind-${kind}${deleted ? ' msg-deleted' : ''}`}
      data-testid="message"
      data-sender={sender.type}
      data-kind={kind}
      data-seq={message.seq}
      data-id={message.id}
      data-deleted={deleted ? 'true' : undefined}
      tabIndex={handlers && !deleted ? 0 : undefined}
    >
      <div class="msg-author">
        {author}
        {kind === 'note' && <span class="note-badge">{strings.noteLabel}</span>}
      </div>
      <div class="msg-line">
        {deleted ? (
          <div class="msg-bubble">
            <p class="msg-body" data-testid="body">
              {toolStrings.messageDeleted}
            </p>
          </div>
        ) : editing && handlers ? (
          <EditForm
            message={message}
            onCancel={() => setEditing(false)}
            onSave={async (body) => {
              await handlers.onEdit(message, body);
              setEditing(false);
            }}
          />
        ) : (
          <div class="msg-bubble">
            <div class={showBody(message) ? 'msg-body' : 'msg-body visually-hidden'} data-testid="body">
              {formatted(message.body)}
            </div>
            {message.file && <AttachmentView file={message.file} />}
          </div>
        )}
        {handlers && !deleted && !editing && (
          <MessageActions
            onEdit={canEdit(message, handlers.me, answered) ? () => setEditing(true) : undefined}
            message={message}
            onQuote={handlers.onQuote}
            onDelete={handlers.onDelete}
            deletable={sender.type === 'agent' && sender.id === handlers.me && (kind === 'text' || kind === 'file')}
          />
        )}
      </div>
      <div class="msg-meta">
        <time dateTime={message.createdAt} title={fullDateTime(message.createdAt)}>
          {clockTime(message.createdAt)}
        </time>
        {!deleted && <EditedMark message={message} load={handlers?.revisions} />}
        {seen && (
          <span class="msg-seen" data-testid="seen">
            {' '}
            · {strings.seen}
          </span>
        )}
      </div>
    </div>
  );
}

/** A message of ours the server has not stored yet. */
export function PendingItem({
  pending,
  authorName,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage;
  authorName: string;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}) {
  const stateText =
    pending.state === 'failed'
      ? pending.error || strings.failed
      : pending.state === 'queued'
        ? strings.queued
        : strings.sending;
  return (
    <div
      class={`msg msg-agent msg-kind-${pending.kind} msg-pending msg-${pending.state}`}
      data-testid="message"
      data-sender="agent"
      data-kind={pending.kind}
      data-pending={pending.state}
    >
      <div class="msg-author">
        {authorName}
        {pending.kind === 'note' && <span class="note-badge">{strings.noteLabel}</span>}
      </div>
      <div class="msg-bubble">
        <div class="msg-body" data-testid="body">
          {formatted(pending.body)}
        </div>
      </div>
      <div class="msg-meta" role={pending.state === 'failed' ? 'alert' : undefined}>
        {stateText}
        {pending.state === 'failed' && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => onRetry(pending.clientId)}>
              {strings.retry}
            </button>
            {' · '}
            <button type="button" class="link-button" onClick={() => onDiscard(pending.clientId)}>
              {strings.discard}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

// Text and notes, the agent's and the visitor's, with the same rules as the widget.
const formatted = (body: string) => parse(body).map(toNodes);

// A file message's body is usually just the file name, which the attachment already shows (it stays for screen readers).
function showBody(message: Message): boolean {
  return !message.file || (message.body.trim() !== '' && message.body !== message.file.name);
}
