import type { Kysely, Transaction } from 'kysely';
import { mayManageForum, requireForumMunicipality } from '../../access/forum-abilities.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { managerAuditEvent } from '../../platform/audit/manager-event.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import * as queries from './queries.ts';
import * as writes from './queries-writes.ts';
import type { CreateForum, Forum, ForumDetail, UpdateForum } from './schema.ts';
import { forumKindUsedIn, type OrganisationModel } from '../../../shared/organisation-model.ts';
import { organisationSettings } from '../inquiries/organisation-model.ts';
import { forumHasMeetings, leaveComingMeetings } from '../meetings/forum-members.ts';

/**
 * Forums and their members. Coordinators and municipal administrators manage the forums of their
 * own municipality; a forum of another municipality answers 404, as a missing one. Members see
 * their forum. Each change is one transaction with its audit entry (ids only, never names).
 * Who may manage a forum is decided in server/access/forum-abilities.ts.
 */
const mayManage = mayManageForum;

type Models = Map<string, OrganisationModel>;

/** The organisation model of each municipality of the forums (one read per municipality). */
async function modelsOf(db: Kysely<DB>, forums: queries.ForumRow[]): Promise<Models> {
  const models: Models = new Map();
  for (const code of new Set(forums.map((f) => f.municipalityCode))) {
    models.set(code, (await organisationSettings(db, code)).model);
  }
  return models;
}

function present(user: CurrentUser, forum: queries.ForumRow, models: Models): Forum {
  const organisationModel = models.get(forum.municipalityCode) ?? 1;
  return {
    ...forum,
    organisationModel,
    usedInModel: forumKindUsedIn(forum.kind, organisationModel),
    mayManage: mayManage(user, forum),
  };
}

export async function listForums(
  { db, user }: RequestContext,
  includeArchived = false,
): Promise<Forum[]> {
  const forums = await queries.listForums(db, user, includeArchived);
  const models = await modelsOf(db, forums);
  return forums.map((forum) => present(user, forum, models));
}

async function detail(
  db: Kysely<DB>,
  user: CurrentUser,
  forum: queries.ForumRow,
): Promise<ForumDetail> {
  const models = await modelsOf(db, [forum]);
  return { ...present(user, forum, models), members: await queries.listMembers(db, forum.id) };
}

/**
 * One Infohus Kommune per municipality (the bilateral forum with the police, in every model): a
 * second one in use is a 409 naming the kind.
 */
async function checkKindFree(
  trx: Transaction<DB>,
  municipalityCode: string,
  kind: string,
  exceptId: string | null,
) {
  if (kind !== 'infohus_kommune') return;
  if (await writes.otherInfohusKommune(trx, municipalityCode, exceptId)) {
    throw new AppError('duplicate', {
      fields: [{ field: 'body.kind', code: 'infohus_kommune_exists' }],
    });
  }
}

/** One forum with its members: for those who manage it and for its members; 404 otherwise. */
export async function getForum({ db, user }: RequestContext, id: string) {
  const forum = await queries.findForum(db, user, id);
  if (!forum || !(forum.isMember || mayManage(user, forum))) throw new AppError('not_found');
  return detail(db, user, forum);
}

/** A forum the caller manages, read inside the transaction; 404 for any other. */
async function managedForum(trx: Kysely<DB>, user: CurrentUser, id: string) {
  const forum = await queries.findForum(trx, user, id);
  if (!forum || !mayManage(user, forum)) throw new AppError('not_found');
  return forum;
}

/**
 * Forum names are unique per municipality, case-insensitively: the caller holds the
 * municipality's name lock (`lockForumNames`) while it checks and stores a name.
 */
async function checkNameFree(
  trx: Transaction<DB>,
  municipalityCode: string,
  name: string,
  exceptId: string | null,
) {
  if (await writes.forumNameTaken(trx, municipalityCode, name, exceptId)) {
    throw new AppError('duplicate', { fields: [{ field: 'body.name', code: 'forum_name_taken' }] });
  }
}

export async function createForum(ctx: RequestContext, body: CreateForum): Promise<ForumDetail> {
  const municipalityCode = requireForumMunicipality(ctx.user);
  return ctx.db.transaction().execute(async (trx) => {
    await writes.lockForumNames(trx, municipalityCode);
    await checkNameFree(trx, municipalityCode, body.name, null);
    await checkKindFree(trx, municipalityCode, body.kind, null);
    const inserted = await writes.insertForum(trx, municipalityCode, {
      name: body.name,
      kind: body.kind,
      cadence: body.cadence,
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      managerAuditEvent(ctx, municipalityCode, 'forum', {
        action: 'create',
        resourceId: inserted.id,
        details: {},
      }),
    );
    return detail(trx, ctx.user, await managedForum(trx, ctx.user, inserted.id));
  });
}

/**
 * A change to a forum the caller manages (404 for any other): one transaction that reads the
 * forum, makes the change and writes its audit entry, then answers the forum as it is now.
 * `change` answers the entry, or null when nothing changed (no entry).
 */
async function changeForum(
  ctx: RequestContext,
  id: string,
  change: (
    trx: Transaction<DB>,
    forum: queries.ForumRow,
  ) => Promise<Pick<AuditEvent, 'action' | 'details'> | null>,
): Promise<ForumDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const forum = await managedForum(trx, ctx.user, id);
    const entry = await change(trx, forum);
    if (entry) {
      await writeAudit(
        trx,
        ctx.keys.audit,
        managerAuditEvent(ctx, forum.municipalityCode, 'forum', { ...entry, resourceId: id }),
      );
    }
    return detail(trx, ctx.user, await managedForum(trx, ctx.user, id));
  });
}

/**
 * Changes a forum: its name, kind or cadence, or archives it (a forum is archived, never deleted:
 * its meetings and history stay) or takes it back into use. Only what is sent changes; optimistic
 * locking: a stale version answers 409 with the current one.
 */
export async function updateForum(
  ctx: RequestContext,
  id: string,
  body: UpdateForum,
): Promise<ForumDetail> {
  return changeForum(ctx, id, async (trx, forum) => {
    requireVersion(forum.version, body.version);
    const next = {
      name: body.name ?? forum.name,
      kind: body.kind ?? forum.kind,
      cadence: body.cadence === undefined ? forum.cadence : body.cadence,
      archived: body.archived ?? forum.archivedAt !== null,
    };
    const fields = [
      next.name !== forum.name && 'name',
      next.kind !== forum.kind && 'kind',
      next.cadence !== forum.cadence && 'cadence',
      next.archived !== (forum.archivedAt !== null) && 'archived',
    ].filter((f): f is string => f !== false);
    if (fields.length === 0) return null;
    await writes.lockForumNames(trx, forum.municipalityCode);
    if (next.name !== forum.name) await checkNameFree(trx, forum.municipalityCode, next.name, id);
    if (!next.archived) await checkKindFree(trx, forum.municipalityCode, next.kind, id);
    // Its meetings' types, agenda kinds and model rules follow the kind it had.
    if (next.kind !== forum.kind && (await forumHasMeetings(trx, forum.municipalityCode, id))) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.kind', code: 'forum_kind_has_meetings' }],
      });
    }
    // Conditional on the version: of two simultaneous changes only the first is stored.
    const updated = await writes.updateForumRow(trx, id, body.version, next);
    if (!updated) {
      const now = await writes.forumVersion(trx, id);
      throw staleVersion(now ?? null);
    }
    return {
      action: 'update',
      details: {
        fields: fields.join(','),
        ...(fields.includes('kind') && { kind: next.kind }),
        ...(fields.includes('archived') && { archived: next.archived }),
      },
    };
  });
}

/**
 * Adds a member: an active user of the forum's municipality, or police staff of the district
 * covering it, with a role that may sit in a forum. Anything else is 400 naming body.userId (the
 * same answer for a user who does not exist, so nobody is found out through it). Adding a member
 * twice changes nothing.
 */
export async function addMember(
  ctx: RequestContext,
  id: string,
  userId: string,
): Promise<ForumDetail> {
  return changeForum(ctx, id, async (trx, forum) => {
    if (!(await queries.isEligible(trx, forum.municipalityCode, userId))) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.userId', code: 'forum_member_not_eligible' }],
      });
    }
    if (!(await writes.insertMember(trx, id, userId))) return null;
    return memberChange('member_added', userId);
  });
}

/**
 * Removes a member; a user who is not a member answers 404. They leave the forum's meetings not
 * yet held in the same transaction (meetings/forum-members.ts).
 */
export async function removeMember(
  ctx: RequestContext,
  id: string,
  userId: string,
): Promise<ForumDetail> {
  return changeForum(ctx, id, async (trx, forum) => {
    if (!(await writes.deleteMember(trx, id, userId))) throw new AppError('not_found');
    // Leaving the forum is leaving its meetings not yet held (else the invitation kept access).
    const meetingIds = await leaveComingMeetings(trx, forum.municipalityCode, id, userId);
    const change = memberChange('member_removed', userId);
    if (meetingIds.length === 0) return change;
    return { ...change, details: { ...change.details, meetingIds: meetingIds.join(',') } };
  });
}

function memberChange(change: 'member_added' | 'member_removed', memberUserId: string) {
  return { action: 'permission_change', details: { change, memberUserId } } as const;
}

/** Users the caller may add to a forum they manage (for the picker). */
export async function candidates({ db, user }: RequestContext, id: string, q: string | undefined) {
  const forum = await queries.findForum(db, user, id);
  if (!forum || !mayManage(user, forum)) throw new AppError('not_found');
  return queries.listCandidates(db, forum, q);
}
