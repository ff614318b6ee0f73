// A tiny history-API router: the worker's SPA fallback serves index.html for every path,
// so real paths work on reload; no router dependency for a handful of routes.
import { useEffect, useState } from 'preact/hooks';

/** The console's screens. */
export type Route =
  | { name: 'login' }
  | { name: 'register' }
  | { name: 'inbox' }
  | { name: 'conversation'; id: string }
  | { name: 'team' }
  | { name: 'dashboard' }
  | { name: 'settings' }
  | { name: 'canned' }
  | { name: 'kb' }
  | { name: 'outbox' }
  | { name: 'audit' }
  | { name: 'tokens' }
  | { name: 'blocked' }
  | { name: 'webhooks' }
  | { name: 'privacy' }
  | { name: 'acceptInvite'; token: string }
  | { name: 'notFound' };

/** Maps a pathname (and the query, which carries the invitation token) to a route (pure). */
export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'inbox' };
  if (path === '/login') return { name: 'login' };
  if (path === '/register') return { name: 'register' };
  if (path === '/team') return { name: 'team' };
  if (path === '/dashboard') return { name: 'dashboard' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/canned') return { name: 'canned' };
  if (path === '/kb') return { name: 'kb' };
  if (path === '/outbox') return { name: 'outbox' };
  if (path === '/audit') return { name: 'audit' };
  if (path === '/settings/tokens') return { name: 'tokens' };
  if (path === '/blocked') return { name: 'blocked' };
  if (path === '/settings/webhooks') return { name: 'webhooks' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/accept-invite') return { name: 'acceptInvite', token: new URLSearchParams(search).get('token') ?? '' };
  const conversation = /^\/conversations\/([^/]+)$/.exec(path);
  if (conversation) return { name: 'conversation', id: decodeURIComponent(conversation[1]) };
  return { name: 'notFound' };
}

/** Path of a conversation's view. */
export function conversationPath(id: string): string {
  return `/conversations/${encodeURIComponent(id)}`;
}

const NAVIGATE_EVENT = 'parley:navigate';

/** Goes to a path without reloading; replace avoids a back-button loop on redirects. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route, re-rendering on navigate() and the back/forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => matchRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(matchRoute(location.pathname, location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return route;
}

/** Click handler for in-app links: lets modified clicks open new tabs as usual. */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(path);
}
