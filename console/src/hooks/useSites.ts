// The workspace's sites and the one the agent is looking at (remembered across reloads).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Site } from '../../../protocol';
import { api, type ApiError } from '../api';

const SITE_KEY = 'parley:site-id';

/** Sites, the chosen one, and ways to switch or add. */
export type SitesValue = {
  sites: Site[] | undefined;
  site: Site | null;
  error: string | null;
  select: (siteId: string) => void;
  create: (body: { name: string; allowedOrigins: string[] }) => Promise<void>;
  /** Puts a site the server changed (settings saved) back into the list. */
  replace: (site: Site) => void;
};

/** Loads the sites once per sign-in; falls back to the first site when the remembered one is gone. */
export function useSites(): SitesValue {
  const [sites, setSites] = useState<Site[] | undefined>(undefined);
  const [selectedId, setSelectedId] = useState<string | null>(() => localStorage.getItem(SITE_KEY));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .sites()
      .then((result) => !cancelled && setSites(result.sites))
      .catch((e: ApiError) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, []);

  const select = useCallback((siteId: string) => {
    localStorage.setItem(SITE_KEY, siteId);
    setSelectedId(siteId);
  }, []);

  const create = useCallback(
    async (body: { name: string; allowedOrigins: string[] }) => {
      const { site } = await api.createSite(body);
      setSites((current) => [...(current ?? []), site]);
      select(site.id);
    },
    [select],
  );

  const replace = useCallback((updated: Site) => {
    setSites((current) => current?.map((s) => (s.id === updated.id ? updated : s)));
  }, []);

  const site = sites?.find((s) => s.id === selectedId) ?? sites?.[0] ?? null;
  return { sites, site, error, select, create, replace };
}
