import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import {
  ApproveMinutesBody,
  AttendanceBody,
  MinutesActionBody,
  MinutesItemBody,
  MinutesItemParams,
  MinutesParams,
  MinutesQuery,
  MinutesTaskParams,
  MinutesViewSchema,
  MinutesWriteResponse,
  NewMinutesVersionBody,
  NewTaskBody,
  StartMinutesBody,
  TaskDoneBody,
} from './minutes-schema.ts';
import {
  approveMinutes,
  newMinutesVersion,
  recordDecision,
  saveAttendance,
  saveItem,
  startMinutes,
} from './minutes-service.ts';
import { addTask, completeTask } from './minutes-tasks.ts';
import { readMinutes } from './minutes-view.ts';
import { minutesPdf } from './minutes-pdf.ts';

/**
 * A meeting's minutes (issue 14 part 4): read (the items of the records the caller may see, each
 * view audited with the meeting as purpose), write per item (text, and a decision that acts on
 * the record through its own module), attendance, tasks, approval by the chair, corrections as
 * new versions, and the PDF. Who may see the meeting is decided by server/access/meeting-access.ts
 * (404 otherwise); writers and the approver by its `mayWriteMinutes`/`mayApproveMinutes` (403).
 */
export const minutesRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['meetings']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/meetings/:id/minutes',
      {
        policy: 'meetings.read',
        summary:
          "The meeting's minutes (the latest version, or versionNo): the items of the records the caller may see, attendance, tasks, abilities",
        params: MinutesParams,
        querystring: MinutesQuery,
        response: { 200: MinutesViewSchema },
      },
      async (request, reply) => {
        const view = await readMinutes(ctx(request), request.params.id, request.query.versionNo);
        return reply.header('cache-control', 'no-store').send(view);
      },
    );

    route.get(
      '/api/meetings/:id/minutes.pdf',
      {
        policy: 'meetings.read',
        summary:
          'The minutes as a PDF (only what the caller may see; the latest version or versionNo)',
        params: MinutesParams,
        querystring: MinutesQuery,
        produces: ['application/pdf'],
      },
      async (request, reply) => {
        const { pdf, versionNo } = await minutesPdf(
          ctx(request),
          request.params.id,
          request.query.versionNo,
        );
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="referat-v${versionNo}.pdf"`)
          .type('application/pdf')
          .send(pdf);
      },
    );

    route.post(
      '/api/meetings/:id/minutes',
      {
        policy: 'meetings.read',
        summary: 'Start the minutes (version 1, a draft); idempotent on the client id',
        params: MinutesParams,
        body: StartMinutesBody,
        response: { 200: MinutesWriteResponse, 201: MinutesWriteResponse },
      },
      async (request, reply) => {
        const made = await startMinutes(ctx(request), request.params.id, request.body);
        return reply.code(made.created ? 201 : 200).send({ id: made.id, version: made.version });
      },
    );

    route.put(
      '/api/meetings/:id/minutes/items/:itemId',
      {
        policy: 'meetings.read',
        summary: 'What was assessed and decided on one agenda item, in words (the draft only)',
        params: MinutesItemParams,
        body: MinutesItemBody,
        response: { 200: MinutesWriteResponse },
      },
      async (request) =>
        saveItem(ctx(request), request.params.id, request.params.itemId, request.body),
    );

    route.post(
      '/api/meetings/:id/minutes/items/:itemId/decision',
      {
        policy: 'meetings.read',
        summary:
          "A decision on the item's record (inquiry decision, concern level, re-review, closure proposal, plan approval, new intervention), made through the record's own rules",
        params: MinutesItemParams,
        body: MinutesActionBody,
        response: { 200: MinutesWriteResponse },
      },
      async (request) =>
        recordDecision(ctx(request), request.params.id, request.params.itemId, request.body),
    );

    route.put(
      '/api/meetings/:id/minutes/attendance',
      {
        policy: 'meetings.read',
        summary: 'Who was present: invited users and external guests (the draft only)',
        params: MinutesParams,
        body: AttendanceBody,
        response: { 200: MinutesWriteResponse },
      },
      async (request) => saveAttendance(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/meetings/:id/minutes/tasks',
      {
        policy: 'meetings.read',
        summary:
          'A task from the minutes: description, responsible person (who may see the record), deadline; idempotent on the client id',
        params: MinutesParams,
        body: NewTaskBody,
        response: { 200: MinutesWriteResponse },
      },
      async (request) => addTask(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/meetings/:id/minutes/tasks/:taskId/done',
      {
        policy: 'meetings.read',
        summary:
          'Mark a task from the minutes done (its responsible person or a writer of the minutes)',
        params: MinutesTaskParams,
        body: TaskDoneBody,
        response: { 200: MinutesWriteResponse },
      },
      async (request) =>
        completeTask(ctx(request), request.params.id, request.params.taskId, request.body),
    );

    route.post(
      '/api/meetings/:id/minutes/approve',
      {
        policy: 'meetings.read',
        summary:
          'The chair approves the latest draft, which becomes read-only (Infohus network: with the confirmation that it holds no personal data)',
        params: MinutesParams,
        body: ApproveMinutesBody,
        response: { 200: MinutesWriteResponse },
      },
      async (request) => approveMinutes(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/meetings/:id/minutes/versions',
      {
        policy: 'meetings.read',
        summary:
          'A correction: a new draft version copied from the approved one (kept and readable); idempotent on the client id',
        params: MinutesParams,
        body: NewMinutesVersionBody,
        response: { 200: MinutesWriteResponse, 201: MinutesWriteResponse },
      },
      async (request, reply) => {
        const made = await newMinutesVersion(ctx(request), request.params.id, request.body);
        return reply.code(made.created ? 201 : 200).send({ id: made.id, version: made.version });
      },
    );
  };
