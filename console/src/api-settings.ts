// REST calls of the settings page: the site's PATCH, its identity secret, and the widget's public config (for the live status line).
import type { Availability, Site, WidgetSettings } from '../../protocol';
import { call, client } from './api';
import type { SiteUpdate } from './state/settings-form';

/** What GET /api/widget/config/:siteKey answers. */
export type WidgetConfig = { settings: Partial<WidgetSettings>; availability: Availability };

/** Site settings calls; changes need owner/admin (403 forbidden otherwise). */
export const settingsApi = {
  updateSite: (id: string, body: SiteUpdate): Promise<{ site: Site }> =>
    call(client.api.sites[':id'].$patch({ param: { id }, json: body })),
  identitySecret: (id: string): Promise<{ secret: string | null }> =>
    call(client.api.sites[':id']['identity-secret'].$get({ param: { id } })),
  rotateSecret: (id: string): Promise<{ secret: string }> =>
    call(client.api.sites[':id']['identity-secret'].$post({ param: { id } })),
  widgetConfig: (siteKey: string): Promise<WidgetConfig> =>
    call(client.api.widget.config[':siteKey'].$get({ param: { siteKey } })),
};
