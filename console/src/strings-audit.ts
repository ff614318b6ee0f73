// User-facing texts of the audit page.
import type { AuditAction } from '../../protocol';

/** What each audit action is called in the console: every action has a label (the type checks it). */
export const auditActionLabels: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Failed sign-in',
  'auth.locked': 'Account locked after failed sign-ins',
  'auth.register': 'Workspace created',
  'auth.setup': 'Workspace created with a setup link',
  'agent.invite': 'Invited an agent',
  'agent.invite_accepted': 'Accepted an invitation',
  'agent.update': 'Changed an agent',
  'agent.role_change': 'Changed a role',
  'agent.deactivate': 'Deactivated an agent',
  'agent.reactivate': 'Reactivated an agent',
  'site.create': 'Created a site',
  'site.update': 'Renamed a site',
  'site.origins_change': 'Changed allowed origins',
  'site.settings_change': 'Changed widget settings',
  'site.identity_secret_rotate': 'Rotated the identity secret',
  'site.delete': 'Deleted a site',
  'department.create': 'Created a department',
  'department.update': 'Changed a department',
  'department.delete': 'Deleted a department',
  'block.create': 'Blocked',
  'block.delete': 'Lifted a block',
  'privacy.export': 'Exported conversations',
  'privacy.visitor_export': "Exported a visitor's data",
  'privacy.erase': 'Erased a visitor',
  'privacy.retention_change': 'Changed data retention',
};

/** English strings of the audit page. */
export const auditStrings = {
  navAudit: 'Audit',
  title: 'Audit log',
  hint: 'Sign-ins, team and site changes, and blocks in this workspace, newest first.',
  forbidden: 'Only owners and admins can see the audit log.',
  empty: 'Nothing recorded yet',
  allActions: 'All actions',
  filterLabel: 'Action',
  loadMore: 'Load older entries',
  when: 'When',
  who: 'Who',
  action: 'Action',
  details: 'Details',
  ip: 'IP address',
  anonymous: 'Not signed in',
  system: 'Parley',
} as const;
