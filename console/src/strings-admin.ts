// User-facing texts of the team, invitation and dashboard screens (the rest are in strings.ts).

/** English UI strings for admin screens. */
export const adminStrings = {
  // accept invite
  acceptTitle: 'Join your team on Parley',
  acceptSubtitle: 'Choose a password to finish setting up your account.',
  acceptSubmit: 'Set password and sign in',
  acceptNoToken: 'This invitation link is incomplete. Ask your admin for a new one.',
  // team
  teamTitle: 'Team',
  readOnly: 'Only owners and admins can change the team.',
  agentsTitle: 'Agents',
  colName: 'Name', colEmail: 'Email', colRole: 'Role', colStatus: 'Status', colMax: 'Max chats', colDepartments: 'Departments', colActive: 'Active',
  roles: { owner: 'Owner', admin: 'Admin', agent: 'Agent' },
  presence: { online: 'Online', away: 'Away', busy: 'Busy', offline: 'Offline' },
  invited: 'Invited',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  inactive: 'Deactivated',
  yes: 'Yes', no: 'No',
  inviteTitle: 'Invite an agent',
  inviteName: 'Name', inviteEmail: 'Email', inviteRole: 'Role', inviteMax: 'Max concurrent chats',
  inviteSubmit: 'Send invitation',
  inviteLink: 'Invitation link (also sent by email):',
  copy: 'Copy', copied: 'Copied',
  departmentsTitle: 'Departments',
  departmentName: 'New department name',
  autoAssign: 'Auto-assign',
  autoAssignHint: 'Auto-assign (least loaded online agent)',
  createDepartment: 'Add department',
  defaultBadge: 'Default',
  makeDefault: 'Make default',
  rename: 'Rename', save: 'Save', cancel: 'Cancel', delete: 'Delete',
  confirmDelete: (name: string) => `Delete the department "${name}"? Its agents and open conversations move to the default department.`,
  noDepartments: 'No departments yet.',
  // dashboard
  dashboardTitle: 'Dashboard',
  from: 'From', to: 'To',
  cards: {
    open: 'Open', waiting: 'Waiting', resolvedToday: 'Resolved today', missed: 'Missed', agentsOnline: 'Agents online',
    avgFirstResponse: 'Avg first response', medianFirstResponse: 'Median first response', avgResolution: 'Avg resolution',
  },
  perAgentTitle: 'Agents',
  colAssigned: 'Assigned', colOpen: 'Open', colResolved: 'Resolved', colAvgFirstResponse: 'Avg first response',
  noAgentStats: 'No agent activity in this range.',
} as const;
