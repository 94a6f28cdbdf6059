import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { listAuditEntries, verifyOwnChain } from './audit.ts';
import * as read from './read.ts';
import {
  AdminUnitSchema,
  AdminUserSchema,
  AuditListSchema,
  AuditQuery,
  AuditVerifySchema,
  CreateUnitBody,
  CreateUserBody,
  IdParams,
  RenameUnitBody,
  UnitListQuery,
  UpdateUserBody,
  UserListQuery,
  UserListSchema,
} from './schema.ts';
import * as service from './service.ts';

/**
 * The administration: users, units and second factors of the caller's municipality (all of
 * them for system administrators), and the municipality's audit trail. Policies: `admin.users`
 * and `admin.audit`; a record outside the caller's municipality answers 404.
 */
export const adminRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['admin']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/admin/users',
      {
        policy: 'admin.users',
        summary: 'List users (keyset pagination by username)',
        querystring: UserListQuery,
        response: { 200: UserListSchema },
      },
      async (request) => read.listUsers(ctx(request), request.query),
    );

    route.get(
      '/api/admin/users/:id',
      {
        policy: 'admin.users',
        summary: 'One user with roles and units',
        params: IdParams,
        response: { 200: AdminUserSchema },
      },
      async (request) => read.getUser(ctx(request), request.params.id),
    );

    route.post(
      '/api/admin/users',
      {
        policy: 'admin.users',
        summary: 'Create a user with an initial password (a taken username answers 409)',
        body: CreateUserBody,
        response: { 201: AdminUserSchema },
      },
      async (request, reply) => {
        const user = await service.createUser(ctx(request), request.body);
        return reply.status(201).send(user);
      },
    );

    route.patch(
      '/api/admin/users/:id',
      {
        policy: 'admin.users',
        summary: 'Change display name, roles or units (optimistic locking by version)',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: AdminUserSchema },
      },
      async (request) => service.updateUser(ctx(request), request.params.id, request.body),
    );

    const statusChanges = [
      { path: 'disable', change: 'disable', summary: 'Disable a user and end their sessions' },
      { path: 'enable', change: 'enable', summary: 'Enable a disabled user' },
      {
        path: 'reset-second-factor',
        change: 'reset_second_factor',
        summary: 'Remove the second factors and end the sessions: the user enrols again',
      },
    ] as const;
    for (const step of statusChanges) {
      route.post(
        `/api/admin/users/:id/${step.path}`,
        {
          policy: 'admin.users',
          summary: step.summary,
          params: IdParams,
          response: { 200: AdminUserSchema },
        },
        async (request) => service.changeUserStatus(ctx(request), request.params.id, step.change),
      );
    }

    route.get(
      '/api/admin/units',
      {
        policy: 'admin.users',
        summary: "The units of the caller's municipality",
        querystring: UnitListQuery,
        response: { 200: z.object({ items: z.array(AdminUnitSchema) }) },
      },
      async (request) => ({
        items: await read.listUnits(ctx(request), request.query),
      }),
    );

    route.post(
      '/api/admin/units',
      {
        policy: 'admin.users',
        summary: 'Create a unit (a taken name answers 409)',
        body: CreateUnitBody,
        response: { 201: AdminUnitSchema },
      },
      async (request, reply) => {
        const unit = await service.createUnit(ctx(request), request.body);
        return reply.status(201).send(unit);
      },
    );

    route.patch(
      '/api/admin/units/:id',
      {
        policy: 'admin.users',
        summary: 'Rename a unit (optimistic locking by version)',
        params: IdParams,
        body: RenameUnitBody,
        response: { 200: AdminUnitSchema },
      },
      async (request) => service.renameUnit(ctx(request), request.params.id, request.body),
    );

    route.get(
      '/api/admin/audit',
      {
        policy: 'admin.audit',
        summary: "The municipality's audit trail, newest first (reading it is audited)",
        querystring: AuditQuery,
        response: { 200: AuditListSchema },
      },
      async (request) => listAuditEntries(ctx(request), request.query),
    );

    route.get(
      '/api/admin/audit/verify',
      {
        policy: 'admin.audit',
        summary: "Verify the hash chain of the municipality's audit trail",
        response: { 200: AuditVerifySchema },
      },
      async (request) => verifyOwnChain(ctx(request)),
    );
  };
