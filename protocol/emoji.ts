// Emoji shortcodes (docs/formatting.md, "Emoji"): `:+1:` becomes 👍 when a message is sent, in the widget and the
// console (their shared Composer). A small table of the codes people type in chat, GitHub's and Slack's names; an
// unknown code stays as typed. The pickers offer the same emoji. Zod-free: the widget holds it.

// One string, "code emoji code emoji …": fewer bytes in the widget than an object literal.
const TABLE =
  '+1 👍 thumbsup 👍 -1 👎 thumbsdown 👎 ok_hand 👌 wave 👋 clap 👏 pray 🙏 raised_hands 🙌 muscle 💪 ' +
  'smile 😄 smiley 😃 grin 😁 laughing 😆 joy 😂 slightly_smiling_face 🙂 blush 😊 wink 😉 heart_eyes 😍 ' +
  'sunglasses 😎 thinking 🤔 neutral_face 😐 confused 😕 cry 😢 sob 😭 scream 😱 rage 😡 see_no_evil 🙈 ' +
  'heart ❤️ tada 🎉 fire 🔥 rocket 🚀 eyes 👀 star ⭐ sparkles ✨ 100 💯 white_check_mark ✅ x ❌ warning ⚠️ ' +
  'coffee ☕ gift 🎁';

/** Shortcode → emoji. No prototype: `:constructor:` or `:__proto__:` must stay text, not find Object's members. */
export const SHORTCODES: Record<string, string> = Object.create(null);
for (let i = 0, t = TABLE.split(' '); i < t.length; i += 2) SHORTCODES[t[i]!] = t[i + 1]!;

/** The emoji the pickers offer, in the table's order, each once. */
export const EMOJI = [...new Set(Object.values(SHORTCODES))];

/**
 * `text` with every known `:code:` replaced by its emoji, except inside a code span or block (a run of backticks up to
 * the next run like it, with no backtick between: linear) and a link's address (`https://x/a:x:b` is a path).
 */
export const shortcodes = (text: string) =>
  text.replace(
    /(`+)[^`]*\1|(?:https?:\/\/|www\.)\S+|:([\w+-]{1,30}):/gi,
    (all, _, name) => (name && SHORTCODES[name]) || all,
  );
