// User-facing texts of the API tokens page.
import type { ApiScope, ApiTokenState } from '../../protocol';

/** What each scope lets an integration do. */
export const scopeLabels: Record<ApiScope, string> = {
  'conversations:read': 'Read conversations and messages',
  'conversations:write': 'Change status, assignment, tags; archive',
  'messages:write': 'Post, edit and delete its own messages and notes',
  'visitors:read': "Read visitors' profiles",
  'team:read': 'List agents and departments',
  'kb:read': 'Read knowledge base articles',
  'kb:write': 'Write knowledge base articles',
  'settings:manage': 'Manage sites, departments and blocks',
  'audit:read': 'Read the audit log',
};

/** English strings of the API tokens page. */
export const tokenStrings = {
  nav: 'API tokens',
  title: 'API tokens',
  hint: 'Tokens let your own tools and integrations use the Parley API. Send one as "Authorization: Bearer …". A token acts as itself: its messages show its name to visitors, and its changes are in the audit log under its name.',
  forbidden: 'Only owners and admins can manage API tokens.',
  createTitle: 'New token',
  name: 'Name (visitors see it on the messages the token posts)',
  scopes: 'Permissions',
  expiry: 'Expires',
  expiryDays: (days: number) => (days === 0 ? 'Never' : days === 365 ? 'In a year' : `In ${days} days`),
  create: 'Create token',
  secretTitle: 'Copy your new token now',
  secretHint: 'It will not be shown again. Store it in your integration’s secret settings.',
  done: 'Done',
  empty: 'No tokens yet',
  colName: 'Name',
  colScopes: 'Permissions',
  colToken: 'Token',
  colBy: 'Created by',
  colCreated: 'Created',
  colExpires: 'Expires',
  colUsed: 'Last used',
  never: 'Never',
  revoke: 'Revoke',
  revokeLabel: (name: string) => `Revoke the token ${name}`,
  confirmRevoke: (name: string) => `Revoke "${name}"? Integrations using it stop working at once.`,
  states: {
    active: 'Active',
    expired: 'Expired',
    revoked: 'Revoked',
    creator_inactive: 'Creator deactivated',
  } satisfies Record<ApiTokenState, string>,
} as const;
