import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
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
    const tags = ['admin'];
    const users = { policy: 'admin.users' } as const;
    const audit = { policy: 'admin.audit' } as const;

    const ctx = contextFor(app, options.keys);

    app.get(
      '/api/admin/users',
      {
        config: users,
        schema: {
          tags,
          summary: 'List users (keyset pagination by username)',
          querystring: UserListQuery,
          response: { 200: UserListSchema },
        },
      },
      async (request) => read.listUsers(ctx(request), request.query),
    );

    app.get(
      '/api/admin/users/:id',
      {
        config: users,
        schema: {
          tags,
          summary: 'One user with roles and units',
          params: IdParams,
          response: { 200: AdminUserSchema },
        },
      },
      async (request) => read.getUser(ctx(request), request.params.id),
    );

    app.post(
      '/api/admin/users',
      {
        config: users,
        schema: {
          tags,
          summary: 'Create a user with an initial password (a taken username answers 409)',
          body: CreateUserBody,
          response: { 201: AdminUserSchema },
        },
      },
      async (request, reply) => {
        const user = await service.createUser(ctx(request), request.body);
        return reply.status(201).send(user);
      },
    );

    app.patch(
      '/api/admin/users/:id',
      {
        config: users,
        schema: {
          tags,
          summary: 'Change display name, roles or units (optimistic locking by version)',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: AdminUserSchema },
        },
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
      app.post(
        `/api/admin/users/:id/${step.path}`,
        {
          config: users,
          schema: {
            tags,
            summary: step.summary,
            params: IdParams,
            response: { 200: AdminUserSchema },
          },
        },
        async (request) => service.changeUserStatus(ctx(request), request.params.id, step.change),
      );
    }

    app.get(
      '/api/admin/units',
      {
        config: users,
        schema: {
          tags,
          summary: "The units of the caller's municipality",
          querystring: UnitListQuery,
          response: { 200: z.object({ items: z.array(AdminUnitSchema) }) },
        },
      },
      async (request) => ({
        items: await read.listUnits(ctx(request), request.query),
      }),
    );

    app.post(
      '/api/admin/units',
      {
        config: users,
        schema: {
          tags,
          summary: 'Create a unit (a taken name answers 409)',
          body: CreateUnitBody,
          response: { 201: AdminUnitSchema },
        },
      },
      async (request, reply) => {
        const unit = await service.createUnit(ctx(request), request.body);
        return reply.status(201).send(unit);
      },
    );

    app.patch(
      '/api/admin/units/:id',
      {
        config: users,
        schema: {
          tags,
          summary: 'Rename a unit (optimistic locking by version)',
          params: IdParams,
          body: RenameUnitBody,
          response: { 200: AdminUnitSchema },
        },
      },
      async (request) => service.renameUnit(ctx(request), request.params.id, request.body),
    );

    app.get(
      '/api/admin/audit',
      {
        config: audit,
        schema: {
          tags,
          summary: "The municipality's audit trail, newest first (reading it is audited)",
          querystring: AuditQuery,
          response: { 200: AuditListSchema },
        },
      },
      async (request) => listAuditEntries(ctx(request), request.query),
    );

    app.get(
      '/api/admin/audit/verify',
      {
        config: audit,
        schema: {
          tags,
          summary: "Verify the hash chain of the municipality's audit trail",
          response: { 200: AuditVerifySchema },
        },
      },
      async (request) => verifyOwnChain(ctx(request)),
    );
  };
