/** Whether `origin` matches one of a site's allowed origins (`*`, exact, or `https://*.example.com`). */
export function originAllowed(origin: string | null, allowed: string[]): boolean {
  if (!origin) return false;
  const o = origin.toLowerCase();
  return allowed.some((rule) => {
    const r = rule.toLowerCase().replace(/\/$/, '');
    if (r === '*') return true;
    if (r === o) return true;
    const wild = r.match(/^(https?):\/\/\*\.(.+)$/);
    if (!wild) return false;
    const [, scheme, rest] = wild;
    return o.startsWith(`${scheme}://`) && o.slice(scheme.length + 3).endsWith(`.${rest}`);
  });
}

/**
 * The origin a widget request comes from. Browsers omit Origin on same-origin GETs,
 * so fall back to Referer, then to the request's own origin when the browser says
 * Sec-Fetch-Site: same-origin. Anything else has no origin and is refused.
 */
export function requestOrigin(req: Request): string | null {
  const origin = req.headers.get('Origin');
  if (origin && origin !== 'null') return origin;
  const referer = req.headers.get('Referer');
  if (referer) {
    try {
      return new URL(referer).origin;
    } catch {
      /* fall through */
    }
  }
  if (req.headers.get('Sec-Fetch-Site') === 'same-origin') return new URL(req.url).origin;
  return null;
}
