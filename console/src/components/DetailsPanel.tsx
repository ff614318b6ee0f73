// The sidebar's conversation details: priority, tags, notes, department, timings and the CSAT rating; every change is one PATCH.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation, Department, Priority } from '../../../protocol';
import type { ApiError } from '../api';
import { conversationApi, type ConversationChanges } from '../api-conversations';
import { formatDuration } from '../state/duration';
import { addTags, removeTag } from '../state/tags';
import { strings } from '../strings';
import { ErrorText } from './ErrorText';
import { RatingView } from './RatingView';

const priorities: Priority[] = ['low', 'normal', 'high', 'urgent'];

/** Props of DetailsPanel. */
export type DetailsPanelProps = {
  conversation: Conversation;
  departments: Department[];
  onConversation: (c: Conversation) => void;
};

/** Editable details of one conversation. */
export function DetailsPanel({ conversation, departments, onConversation }: DetailsPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [tagText, setTagText] = useState('');
  const [notes, setNotes] = useState(conversation.notes);
  const notesFocused = useRef(false);
  // Someone else's edit shows up live, but never over what this agent is typing.
  useEffect(() => {
    if (!notesFocused.current) setNotes(conversation.notes);
  }, [conversation.notes]);
  // Leaving the conversation while typing removes the textarea without a blur: save what was typed then.
  const unsaved = useRef({ notes, saved: conversation.notes, id: conversation.id });
  unsaved.current = { notes, saved: conversation.notes, id: conversation.id };
  useEffect(
    () => () => {
      const { notes: typed, saved, id } = unsaved.current;
      if (notesFocused.current && typed !== saved) void conversationApi.update(id, { notes: typed }).catch(() => {});
    },
    [],
  );

  async function save(changes: ConversationChanges) {
    setError(null);
    try {
      onConversation((await conversationApi.update(conversation.id, changes)).conversation);
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  function onTagKey(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const tags = addTags(conversation.tags, tagText);
    setTagText('');
    if (tags.length !== conversation.tags.length) void save({ tags });
  }

  const t = conversation.timings;
  return (
    <div class="details">
      <label class="field">
        <span class="field-label">{strings.priority}</span>
        <select
          class="select"
          value={conversation.priority}
          data-testid="priority"
          onChange={(e) => void save({ priority: e.currentTarget.value as Priority })}
        >
          {priorities.map((p) => (
            <option key={p} value={p}>
              {strings.priorityLabels[p]}
            </option>
          ))}
        </select>
      </label>
      <div class="field">
        <span class="field-label">{strings.tags}</span>
        <div class="tags">
          {conversation.tags.map((tag) => (
            <span key={tag} class="tag" data-testid="tag" data-tag={tag}>
              <span class="tag-text" title={tag}>
                {tag}
              </span>
              {/* The × is drawn by CSS so the chip's text is exactly the tag. */}
              <button
                type="button"
                class="tag-remove"
                aria-label={strings.removeTag(tag)}
                title={strings.removeTag(tag)}
                data-testid="tag-remove"
                onClick={() => void save({ tags: removeTag(conversation.tags, tag) })}
              />
            </span>
          ))}
        </div>
        <input
          class="input"
          value={tagText}
          maxLength={200}
          placeholder={strings.tagPlaceholder}
          aria-label={strings.tags}
          onInput={(e) => setTagText(e.currentTarget.value)}
          onKeyDown={onTagKey}
          data-testid="tag-input"
        />
      </div>
      <label class="field">
        <span class="field-label">{strings.notes}</span>
        <textarea
          class="input textarea"
          rows={3}
          maxLength={4000}
          value={notes}
          placeholder={strings.notesPlaceholder}
          data-testid="notes"
          onFocus={() => (notesFocused.current = true)}
          onInput={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => {
            notesFocused.current = false;
            if (notes !== conversation.notes) void save({ notes });
          }}
        />
      </label>
      <label class="field">
        <span class="field-label">{strings.department}</span>
        <select
          class="select"
          value={conversation.departmentId ?? ''}
          data-testid="department"
          onChange={(e) => e.currentTarget.value && void save({ departmentId: e.currentTarget.value })}
        >
          {!conversation.departmentId && <option value="">{strings.noDepartment}</option>}
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <dl class="facts timings">
        <dt>{strings.waitTime}</dt>
        <dd data-testid="timing-wait">{formatDuration(t.waitSeconds)}</dd>
        <dt>{strings.firstResponse}</dt>
        <dd data-testid="timing-first-response">{formatDuration(t.firstResponseSeconds)}</dd>
        <dt>{strings.resolutionTime}</dt>
        <dd data-testid="timing-resolution">{formatDuration(t.resolutionSeconds)}</dd>
      </dl>
      <RatingView rating={conversation.rating} />
      <ErrorText message={error} />
    </div>
  );
}
