// Header of the workspace: site switcher, navigation, who is online, own status, logout.
import type { ComponentChildren } from 'preact';
import type { Agent, AgentStatus, PresenceAgent, Site } from '../../../protocol';
import type { SocketState } from '../realtime/socket';
import { onLinkClick, type Route } from '../router';
import { ownStatus } from '../state/own-status';
import { canManageTeam, initials } from '../state/people';
import { strings } from '../strings';
import { auditStrings } from '../strings-audit';
import { webhookStrings } from '../strings-webhooks';
import { privacyStrings } from '../strings-privacy';
import { blockStrings } from '../strings-blocks';
import { devStrings } from '../strings-dev';
import { settingsStrings } from '../strings-settings';
import { tokenStrings } from '../strings-tokens';
import { toolStrings } from '../strings-tools';
import { Logo } from './AuthCard';

const statusLabels: Record<AgentStatus, string> = {
  online: strings.statusOnline,
  away: strings.statusAway,
  busy: strings.statusBusy,
};

/** Props of TopBar. */
export type TopBarProps = {
  agent: Agent;
  sites: Site[];
  site: Site;
  onSelectSite: (siteId: string) => void;
  presence: PresenceAgent[];
  status: AgentStatus;
  onStatus: (status: AgentStatus) => void;
  /** The site socket's state: the agent's presence exists only while it is up. */
  connection: SocketState;
  onLogout: () => void;
  /** The current screen, to mark the active nav link. */
  route: Route['name'];
  /** Extra controls before the status picker (the notification preferences). */
  tools?: ComponentChildren;
};

/** One link of the main navigation. */
type NavItem = { path: string; label: string; testId: string; routes: Route['name'][] };

const nav: NavItem[] = [
  { path: '/', label: strings.inbox, testId: 'nav-inbox', routes: ['inbox', 'conversation'] },
  { path: '/team', label: strings.navTeam, testId: 'nav-team', routes: ['team'] },
  { path: '/canned', label: toolStrings.navCanned, testId: 'nav-canned', routes: ['canned'] },
  { path: '/kb', label: toolStrings.navKb, testId: 'nav-kb', routes: ['kb'] },
  { path: '/dashboard', label: strings.navDashboard, testId: 'nav-dashboard', routes: ['dashboard'] },
  { path: '/settings', label: settingsStrings.navSettings, testId: 'nav-settings', routes: ['settings'] },
];

// Owners' and admins' pages (the server answers agents 403 on them).
const adminNav: NavItem[] = [
  { path: '/blocked', label: blockStrings.navBlocked, testId: 'nav-blocked', routes: ['blocked'] },
  { path: '/audit', label: auditStrings.navAudit, testId: 'nav-audit', routes: ['audit'] },
  { path: '/settings/tokens', label: tokenStrings.nav, testId: 'nav-tokens', routes: ['tokens'] },
  { path: '/settings/webhooks', label: webhookStrings.navWebhooks, testId: 'nav-webhooks', routes: ['webhooks'] },
  { path: '/privacy', label: privacyStrings.navPrivacy, testId: 'nav-privacy', routes: ['privacy'] },
];

// Developer tools, last and set apart; only owners and admins (the server's outbox route answers agents 403).
const devNav: NavItem[] = [{ path: '/outbox', label: devStrings.navOutbox, testId: 'nav-outbox', routes: ['outbox'] }];

function navLink(item: NavItem, route: Route['name'], className: string) {
  return (
    <a
      key={item.path}
      href={item.path}
      class={className}
      onClick={(e) => onLinkClick(e, item.path)}
      aria-current={item.routes.includes(route) ? 'page' : undefined}
      data-testid={item.testId}
    >
      {item.label}
    </a>
  );
}

/** The top bar. */
export function TopBar(p: TopBarProps) {
  const others = p.presence.filter((a) => a.id !== p.agent.id);
  const shown = ownStatus(p.status, p.connection);
  const live = p.connection === 'online';
  return (
    <header class="topbar">
      <div class="brand">
        <Logo />
        <span>{strings.appName}</span>
      </div>
      <label class="site-switcher">
        <span class="visually-hidden">{strings.site}</span>
        <select
          class="select"
          title={p.site.name}
          value={p.site.id}
          onChange={(e) => p.onSelectSite(e.currentTarget.value)}
          data-testid="site-switcher"
        >
          {p.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <nav class="nav" aria-label="Main">
        {nav.map((item) => navLink(item, p.route, 'nav-link'))}
        {canManageTeam(p.agent.role) && adminNav.map((item) => navLink(item, p.route, 'nav-link'))}
        {canManageTeam(p.agent.role) &&
          devNav.map((item, i) => navLink(item, p.route, i === 0 ? 'nav-link nav-dev' : 'nav-link'))}
      </nav>
      <div class="topbar-spacer" />
      {/* Presence comes over the site socket: while it is down the list is stale, so it is not shown. */}
      {live && (
        <div
          class="presence"
          data-testid="presence"
          data-count={p.presence.length}
          title={p.presence.map((a) => `${a.name} (${statusLabels[a.status]})`).join('\n')}
        >
          <div class="avatars">
            {others.slice(0, 4).map((a) => (
              <span
                key={a.id}
                class={`avatar avatar-${a.status}`}
                role="img"
                aria-label={`${a.name}, ${statusLabels[a.status]}`}
              >
                {initials(a.name)}
              </span>
            ))}
          </div>
          <span class="presence-count">
            {strings.agentsOnline(p.presence.filter((a) => a.status === 'online').length)}
          </span>
        </div>
      )}
      {p.tools}
      <label class="status-picker" data-testid="my-status-state" data-state={shown.state}>
        <span class={`status-dot status-${shown.state}`} aria-hidden="true" />
        <span class="visually-hidden">Status</span>
        {/* While disconnected the select shows the real state; a choice made meanwhile applies on reconnect. */}
        <select
          class="select select-bare"
          value={live ? p.status : ''}
          onChange={(e) => p.onStatus(e.currentTarget.value as AgentStatus)}
          data-testid="my-status"
        >
          {!live && (
            <option value="" disabled>
              {shown.label}
            </option>
          )}
          {(Object.keys(statusLabels) as AgentStatus[]).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <span class="me" title={`${p.agent.name} (${p.agent.email})`}>
        {p.agent.name}
      </span>
      <button type="button" class="button button-ghost" onClick={p.onLogout} data-testid="logout">
        {strings.logout}
      </button>
    </header>
  );
}
