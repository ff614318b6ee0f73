// Install snippets shown on the settings page (pure): the script tag, the JS API queue stub,
// and identity verification with a hash computed on the customer's server.

/** The embed tag: the widget script from the worker's origin, with the site's public key. */
export function scriptTag(origin: string, siteKey: string): string {
  return `<script src="${origin.replace(/\/+$/, '')}/widget.js" data-site="${escapeAttr(siteKey)}" async></script>`;
}

/** The queue stub: calls made before widget.js loads are kept in Parley.q and replayed. */
export const QUEUE_STUB = 'window.Parley = window.Parley || function(){(Parley.q=Parley.q||[]).push(arguments)};';

/** The whole install snippet: stub first (so early calls queue), then the async script. */
export function installSnippet(origin: string, siteKey: string): string {
  return `<script>\n  ${QUEUE_STUB}\n</script>\n${scriptTag(origin, siteKey)}`;
}

/**
 * The identify example with the names the widget reads (userId, userHash, email?, name?); the `{{ }}` parts
 * are filled by the customer's templates. The hash comes from their server, never from the browser. It
 * carries the queue stub so it works wherever it is pasted, before or after the embed snippet.
 */
export function identifySnippet(): string {
  return [
    '<script>',
    `  ${QUEUE_STUB}`,
    '  // userHash = HMAC-SHA256(userId, identity secret) in hex, computed on YOUR server.',
    "  Parley('identify', {",
    "    userId: '{{ user.id }}',",
    "    userHash: '{{ user_hash }}',",
    "    email: '{{ user.email }}',",
    "    name: '{{ user.name }}',",
    '  });',
    '</script>',
  ].join('\n');
}

/** Server-side example (Node) of computing the hash. */
export function serverHashSnippet(): string {
  return [
    "import { createHmac } from 'node:crypto';",
    '',
    "const userHash = createHmac('sha256', process.env.PARLEY_IDENTITY_SECRET)",
    "  .update(String(user.id)).digest('hex');",
  ].join('\n');
}

/** A secret shown masked: same length in bullets, so revealing it does not shift the layout. */
export function maskSecret(secret: string): string {
  return '•'.repeat(Math.min(secret.length, 48));
}

// The key is ours, but a snippet someone pastes into their HTML must not break on a quote.
function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
