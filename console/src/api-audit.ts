// REST call of the audit log (owners and admins).
import type { AuditAction, AuditPage } from '../../protocol';
import { call, client } from './api';

/** A page of the workspace's audit log, newest first; 403 forbidden for agents. */
export const auditApi = {
  list: (q: { cursor?: string; action?: AuditAction }): Promise<AuditPage> =>
    call(
      client.api.audit.$get({
        query: { ...(q.cursor ? { cursor: q.cursor } : {}), ...(q.action ? { action: q.action } : {}) },
      }),
    ) as Promise<AuditPage>,
};
