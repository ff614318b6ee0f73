// Pure tag editing for the conversation sidebar, mirroring the server's rules so input is fixed before it is sent.
import { truncateText } from '../../../protocol/text';

/** The server's limits on tags (see UpdateConversationBody). */
export const TAG_MAX_LENGTH = 40;
/** At most this many tags per conversation. */
export const TAGS_MAX = 20;

/** Splits typed text into tags: commas separate, trimmed, lower case, blanks dropped, each cut to 40 characters. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((t) => truncateText(t.trim().toLowerCase(), TAG_MAX_LENGTH).trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Adds typed tags to a list, skipping ones already there and stopping at 20. */
export function addTags(current: readonly string[], text: string): string[] {
  const next = [...current];
  for (const tag of parseTags(text)) if (!next.includes(tag) && next.length < TAGS_MAX) next.push(tag);
  return next;
}

/** The list without one tag. */
export function removeTag(current: readonly string[], tag: string): string[] {
  return current.filter((t) => t !== tag);
}
