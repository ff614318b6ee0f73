// The message formatting rules (docs/formatting.md), shared by the widget, the console and the emails: text → a small
// tree of tags. No zod, no DOM, no HTML: renderers build nodes (or escaped HTML) from the tree. Links are only ever
// made here, from text that starts with http://, https:// or www. (or is an address: mailto:), so no other scheme
// can become one. Small (under 1 KB gzipped, an on-demand chunk of the widget) and linear in time: a search
// for a closing marker that fails is remembered (`fail`), so no marker is looked for twice.

/** A node of formatted text: a string (text, never HTML; its line breaks kept), or a tag with its children. */
export type FormatNode = string | FormatTag;
/** A tag: blocks (pre, ul, ol, li) and spans (strong, em, code, a); `href` on a, `n` (the first number) on ol. */
export type FormatTag = {
  t: 'pre' | 'ul' | 'ol' | 'li' | 'strong' | 'em' | 'code' | 'a';
  c: FormatNode[];
  href?: string;
  n?: number;
};

// A fence: three backticks, and on an opening one a language name (dropped), as in Markdown.
const FENCE = /^ {0,3}```[\w+#.-]*\s*$/;
const ITEM = /^ {0,3}(?:[-*+]|(\d{1,9})[.)])[ \t]+/;
// At a word's start: http(s):// or www. and a host, then anything but a space or a character that a URL cannot
// hold unencoded; or an address (local part, @, a domain with a dot). Sticky: tried at one place, never searched for.
// Bidi controls and invisible marks end a link: they could make the address shown differ from the one followed.
const LINK =
  /(https?:\/\/|www\.)[a-z\d][^\s<>"`\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]*|[\w.+-]+@[\w-]+(\.[\w-]+)+/iy;

/**
 * Parses a message body: text runs (their line breaks kept, for white-space: pre-wrap or <br>) with their spans,
 * fenced code blocks, bulleted and numbered lists.
 */
export function parse(text: string): FormatNode[] {
  const lines = text.split(/\r?\n/);
  const out: FormatNode[] = [];
  // The text or the list item being collected (blank lines at its end dropped), and the list it belongs to.
  let para: string[] = [];
  let list: FormatTag | 0 = 0;
  // Set when no fence is left below: each line is then looked at once (linear time).
  let noFence = false;
  const close = (next?: FormatTag) => {
    while (para[0] != null && !para[para.length - 1]!.trim()) para.pop();
    const spans = para[0] != null ? inline(para.join('\n')) : [];
    if (list) list.c.push({ t: 'li', c: spans });
    else out.push(...spans);
    para = [];
    list = next || 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = ITEM.exec(line);
    const t = m && (m[1] ? 'ol' : 'ul');
    let j = i;
    // A fence opens a code block only if a bare one closes it (an unclosed fence stays text).
    if (!noFence && FENCE.test(line)) while (++j < lines.length && !/^ {0,3}```\s*$/.test(lines[j]!));
    noFence ||= j === lines.length;
    if (j > i && j < lines.length) {
      close();
      out.push({ t: 'pre', c: [lines.slice(i + 1, j).join('\n')] });
      i = j;
    } else if (m) {
      // An item: in the current list if of its kind, else the start of a new one.
      if (list && list.t === t) close(list);
      else {
        close();
        out.push((list = { t: t!, c: [], n: m[1] ? +m[1] : undefined }));
      }
      para = [line.slice(m[0].length)];
    } else if (list && !line.trim()) close();
    // An indented line continues a list's item; any other line ends the list.
    else if (list && /^\s/.test(line)) para.push(line.trim());
    else {
      if (list) close();
      if (para[0] != null || line.trim()) para.push(line);
    }
  }
  close();
  return out;
}

/** Spans of a text: code, links, strong (two stars or underscores), em (one), backslash escapes. */
function inline(s: string, no = ''): FormatNode[] {
  const out: FormatNode[] = [];
  const fail: Record<string, 1> = {};
  // The text since `from` is pending: written out as a slice of s (never rebuilt char by char) before the next tag.
  let from = 0;
  const push = (node: FormatTag | 0, at: number, next: number) => {
    if (at > from) out.push(s.slice(from, at));
    if (node) out.push(node);
    from = next;
  };
  const word = (at: number) => /\w/.test(s[at] || '');
  for (let i = 0, k: number, link: RegExpExecArray | null; i < s.length; ) {
    const c = s[i]!;
    LINK.lastIndex = i;
    // Tried only where no address's local part goes on from before, so that no part of the text is read twice.
    if (!/[\w.+-]/.test(s[i - 1] || '') && (link = LINK.exec(s))) {
      k = i + link[0].length;
      // Not the sentence's punctuation after a URL, nor a ")" beyond those the URL opened (Wikipedia's "Foo_(bar)").
      let open = link[0].split('(').length - link[0].split(')').length;
      if (link[1]) while (/[?!.,:;*_~'"]/.test(s[k - 1]!) || (s[k - 1] === ')' && open < 0 && ++open <= 0)) k--;
      const url = s.slice(i, k);
      const href = link[1] ? (/^w/i.test(url) ? 'https://' : '') + url : 'mailto:' + url;
      // A user name before the host ("https://good.example@evil.example") would show a host the link does not go to:
      // the whole address stays text.
      if (link[1] && /^[^/?#]*@/.test(url.slice(link[1].length))) i = k;
      else push({ t: 'a', href, c: [url] }, i, (i = k));
    } else if (c === '\\' && /[\\`*_]/.test(s[i + 1]!)) {
      push(0, i, ++i);
      i++;
    } else if (c === '`' || c === '*' || c === '_') {
      // A code span: a run of backticks up to the same run, taken literally. Emphasis: ** or __ (strong), * or _
      // (em), opening before a non-space at a word's start, closing after a non-space at a word's end; never
      // inside itself, so nesting stays shallow.
      let m = c;
      while (c === '`' ? s[i + m.length] === c : m.length < 2 && s[i + 1] === c) m += c;
      const t = c === '`' ? 'code' : m.length > 1 ? 'strong' : 'em';
      const o = i + m.length;
      k = 0;
      if (!fail[m] && (t === 'code' || (!word(i - 1) && !no.includes(t) && /\S/.test(s[o] || ' ')))) {
        for (k = o; (k = s.indexOf(m, k + 1)) > 0; )
          if (t === 'code' || (/\S/.test(s[k - 1]!) && s[k - 1] !== c && s[k + m.length] !== c && !word(k + m.length)))
            break;
        if (k < 0) fail[m] = 1;
      }
      if (k > 0) {
        const inner = s.slice(o, k);
        push({ t, c: t === 'code' ? [inner] : inline(inner, no + t) }, i, (i = k + m.length));
      } else i = o;
    } else i++;
  }
  push(0, s.length, 0);
  return out;
}
