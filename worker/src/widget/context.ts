import Bowser from 'bowser';
import { requestIp } from '../blocks/enforce';
import { truncateText } from '../../../protocol/text';

/** What a widget request tells about its visitor: browser, device, place, page. */
export type VisitorContext = {
  userAgent: string | null;
  browser: string | null;
  os: string | null;
  device: 'desktop' | 'mobile' | 'tablet' | null;
  country: string | null;
  city: string | null;
  /** Canonical client address (CF-Connecting-IP), kept as the visitor's last IP for IP blocks. */
  ip: string | null;
  page?: { url: string; title: string; referrer?: string };
};

const DEVICES = new Set(['desktop', 'mobile', 'tablet']);

/** Read the visitor's context from a request: User-Agent header and Cloudflare's request.cf. */
export function visitorContext(req: Request, page?: VisitorContext['page']): VisitorContext {
  const userAgent = req.headers.get('User-Agent');
  const cf = (req as Request & { cf?: { country?: unknown; city?: unknown } }).cf;
  const str = (v: unknown) => (typeof v === 'string' && v && v !== 'T1' ? v : null);
  let browser: string | null = null,
    os: string | null = null,
    device: VisitorContext['device'] = null;
  if (userAgent) {
    const ua = Bowser.parse(userAgent);
    browser = [ua.browser.name, ua.browser.version?.split('.')[0]].filter(Boolean).join(' ') || null;
    os = [ua.os.name, ua.os.versionName ?? ua.os.version].filter(Boolean).join(' ') || null;
    const type = ua.platform.type ?? (browser ? 'desktop' : null);
    device = type && DEVICES.has(type) ? (type as VisitorContext['device']) : null;
  }
  return {
    userAgent: userAgent === null ? null : truncateText(userAgent, 500),
    browser,
    os,
    device,
    country: str(cf?.country),
    city: str(cf?.city),
    ip: requestIp(req),
    ...(page ? { page } : {}),
  };
}
