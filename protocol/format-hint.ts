// A cheap test beside the formatter (format.ts), apart so that the widget can hold it without the parser.

/**
 * Whether parse() may find anything to format in `text` (a cheap test: when false, the text is one plain run). The
 * widget loads the formatter, an on-demand chunk, only for such a text.
 */
export const mayFormat = (text: string) => /[`*_@]|:\/\/|www\.|^ {0,3}([-+]|\d{1,9}[.)])[ \t]/im.test(text);
