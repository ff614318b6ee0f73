// The sites feature's public surface: what other features may use (its queries.ts is its own).
export { findSite, findSiteByKey, findWorkspaceSite, listSites, siteSettings } from './queries';
