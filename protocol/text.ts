// Shortening user text without breaking characters; shared by the worker and the console (no zod here).
// Lengths are UTF-16 code units, the unit of zod's .max() and of String.length, so a result always fits the limit.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * At most `max` code units of `text`, cut between grapheme clusters (an emoji, a flag, a ZWJ family or a letter
 * with its accents stays whole or goes). When cut, `ellipsis` is appended within `max`. A single cluster longer
 * than the room (e.g. a letter with hundreds of combining marks) is cut between code points instead, never
 * inside a surrogate pair.
 */
export function truncateText(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  let end = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (end + segment.length > room) {
      if (end === 0) end = codePointEnd(text, room);
      break;
    }
    end += segment.length;
  }
  return text.slice(0, end) + (max >= ellipsis.length ? ellipsis : '');
}

/** The largest index ≤ room that does not split a surrogate pair. */
function codePointEnd(text: string, room: number): number {
  const code = text.charCodeAt(room - 1);
  return code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}

/**
 * A file name shortened to `max` code units keeping its extension (`.pdf`, `.tar.gz` counts only `.gz`), so a
 * long name never loses what tells its type. Extensions over 16 characters are treated as part of the name.
 */
export function truncateFilename(name: string, max: number): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return truncateText(name.slice(0, name.length - ext.length), max - ext.length).trimEnd() + ext;
}
