import { Hono } from 'hono';
import { changedFields, isEmpty } from '../audit/diff';
import { audit } from '../audit/record';
import { type AgentEnv, requireAgent, requireScope } from '../auth/middleware';
import { getDb } from '../db/client';
import { errors } from '../lib/errors';
import { validate } from '../lib/validate';
import { z } from 'zod';
import { describer } from '../openapi/describe';
import { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../../protocol';
import {
  createDepartment,
  deleteDepartment,
  departmentNameTaken,
  findDefaultDepartment,
  findWorkspaceDepartment,
  listDepartments,
  toDepartment,
  updateDepartment,
} from './queries';

const doc = describer('Team');
const one = z.object({ department: Department });

const nameTaken = () => errors.conflict('name_taken', 'A department with this name exists');

/** Departments of the agent's workspace: anyone lists, owners and admins change. */
export const departmentRoutes = new Hono<AgentEnv>()
  .use(requireAgent())
  .get(
    '/',
    doc({
      summary: "The workspace's departments, the default first",
      auth: 'agent',
      ok: [200, z.object({ departments: z.array(Department) })],
    }),
    requireScope('team:read'),
    async (c) => {
      const rows = await listDepartments(getDb(c.env.DB), c.var.agent.workspaceId);
      return c.json({ departments: rows.map(toDepartment) }, 200);
    },
  )
  .post(
    '/',
    doc({ summary: 'Create a department (409 name_taken)', auth: 'admin', ok: [201, one] }),
    requireScope('settings:manage'),
    validate('json', CreateDepartmentBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const body = c.req.valid('json');
      if (await departmentNameTaken(db, c.var.agent.workspaceId, body.name)) throw nameTaken();
      const row = await createDepartment(db, c.var.agent.workspaceId, body);
      await audit(c, {
        action: 'department.create',
        target: { type: 'department', id: row.id },
        detail: { name: row.name, autoAssign: row.autoAssign },
      });
      return c.json({ department: toDepartment(row) }, 201);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Rename, toggle auto-assign or make the default (409 name_taken)', auth: 'admin', ok: [200, one] }),
    requireScope('settings:manage'),
    validate('json', UpdateDepartmentBody),
    async (c) => {
      const db = getDb(c.env.DB);
      const body = c.req.valid('json');
      const dep = await findWorkspaceDepartment(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!dep) throw errors.notFound('Department');
      if (body.name && (await departmentNameTaken(db, dep.workspaceId, body.name, dep.id))) throw nameTaken();
      const row = await updateDepartment(db, dep, body);
      const changes = changedFields(dep, { name: row.name, autoAssign: row.autoAssign, isDefault: row.isDefault });
      if (!isEmpty(changes))
        await audit(c, {
          action: 'department.update',
          target: { type: 'department', id: dep.id },
          detail: { name: row.name, changes },
        });
      return c.json({ department: toDepartment(row) }, 200);
    },
  )
  .delete(
    '/:id',
    doc({
      summary: 'Delete; its agents and open conversations move to the default (409 default_department)',
      auth: 'admin',
      ok: [204, null],
    }),
    requireScope('settings:manage'),
    async (c) => {
      const db = getDb(c.env.DB);
      const dep = await findWorkspaceDepartment(db, c.var.agent.workspaceId, c.req.param('id'));
      if (!dep) throw errors.notFound('Department');
      if (dep.isDefault)
        throw errors.conflict('default_department', 'Make another department the default before deleting this one');
      const fallback = await findDefaultDepartment(db, dep.workspaceId);
      if (!fallback) throw new Error(`workspace ${dep.workspaceId} has no default department`);
      const moved = await deleteDepartment(db, dep, fallback.id);
      await Promise.all(moved.map((id) => c.env.CONVERSATIONS.getByName(id).update({ departmentId: fallback.id })));
      await audit(c, {
        action: 'department.delete',
        target: { type: 'department', id: dep.id },
        detail: { name: dep.name, conversationsMoved: moved.length },
      });
      return c.body(null, 204);
    },
  );
