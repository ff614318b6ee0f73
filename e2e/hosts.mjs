// Host pages on another origin than Parley (as customers' sites are), served by a tiny HTTP server of the test,
// and a recorder of Content-Security-Policy violations.
import { createServer } from 'node:http';

/**
 * Serves `html` at every path of a free loopback port with `headers` (a CSP, say); `origin` is the page's origin,
 * `requests` every path asked for. close() stops it.
 */
export async function hostServer(html, headers = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Records every CSP violation of a browser context's pages: the `securitypolicyviolation` events (documents and
 * shadow roots) and the console's "Content Security Policy" errors. Returns the live list.
 */
export async function watchCsp(context) {
  const seen = [];
  await context.exposeBinding('__parleyCspViolation', (_, v) => seen.push(v));
  await context.addInitScript(() => {
    const report = (e) =>
      window.__parleyCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || location.href}:${e.lineNumber})`,
      );
    document.addEventListener('securitypolicyviolation', report, true);
  });
  context.on('console', (m) => {
    if (/content security policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}
