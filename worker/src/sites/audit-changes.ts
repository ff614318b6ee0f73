import type { Context } from 'hono';
import type { AgentEnv } from '../auth/middleware';
import type { sites } from '../db/schema';
import { siteSettings } from './queries';
import { changedFields, isEmpty } from '../audit/diff';
import { audit } from '../audit/record';

type SiteRow = typeof sites.$inferSelect;

/**
 * Record what a site PATCH changed, one entry per kind so the log can be filtered by it:
 * `site.origins_change` (who may embed the widget: security-relevant on its own), `site.settings_change`
 * (each changed setting, before and after) and `site.update` (the name). Nothing when nothing changed.
 */
export async function auditSiteChanges(c: Context<AgentEnv>, before: SiteRow, after: SiteRow) {
  const target = { type: 'site', id: before.id };
  const origins = changedFields({ allowedOrigins: before.allowedOrigins }, { allowedOrigins: after.allowedOrigins });
  const settings = changedFields(siteSettings(before), siteSettings(after), 'settings');
  const name = changedFields({ name: before.name }, { name: after.name });
  if (!isEmpty(origins)) await audit(c, { action: 'site.origins_change', target, detail: { changes: origins } });
  if (!isEmpty(settings)) await audit(c, { action: 'site.settings_change', target, detail: { changes: settings } });
  if (!isEmpty(name)) await audit(c, { action: 'site.update', target, detail: { changes: name } });
}
