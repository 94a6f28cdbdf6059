import type { Transaction } from 'kysely';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import { findPersonAccesses } from '../../access/person-access.ts';
import { RoleSchema } from '../../access/roles.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion } from '../../platform/errors.ts';
import { findActivePerson } from '../persons/queries.ts';
import { keepFromArchive } from '../persons/queries-registry.ts';
import { registeredWithCpr } from '../persons/duplicates.ts';
import { checkNewPerson, insertPerson, rejectProblems } from '../persons/service.ts';
import {
  auditCaseRead,
  inCaseTransaction,
  recordCaseChange,
  requireOpenCase,
} from './case-work.ts';
import { danishToday } from './chronology.ts';
import { personName } from './queries.ts';
import {
  bumpCaseVersion,
  casePersonRow,
  deleteCasePerson,
  insertCasePerson,
  memberCandidates,
  setCustodyHolder,
} from './queries-people.ts';
import { openInterventionsTakingPart } from '../case-interventions/participants.ts';
import type {
  AddCasePerson,
  Custody,
  MemberCandidates,
  RemoveCasePerson,
} from './schema-people.ts';
import { MAY_HOLD } from './service.ts';

/*
 * The persons of a case, changed on the case by its coordinators: a family member or someone
 * close added with a role (an existing registration the coordinator may see, or a new person
 * registered through the persons module), and a person taken out with a reason. Each change
 * counts the case's version up and appends its chronology event with the audit entries, in the
 * transaction that holds the case row locked. The citizen the case is about stays.
 */

/** The fields of a refused change, as a 400 naming them. */
function invalid(field: string, code: string): AppError {
  return new AppError('validation_failed', { fields: [{ field, code }] });
}

/**
 * An existing registration may be added only if the caller may see the person: adding someone
 * they cannot see would open that person's record to everyone on the case. A person the caller
 * may not see, of another municipality, merged away or never existing all get the same 404.
 */
async function requireVisiblePerson(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  personId: string,
) {
  const visible = await findPersonAccesses(trx, ctx.user, [personId]);
  const person = visible.has(personId)
    ? await findActivePerson(trx, { personId, municipalityCode: access.municipalityCode })
    : undefined;
  if (!person) {
    throw new AppError('not_found', {
      fields: [{ field: 'body.existingPersonId', code: 'record_not_found' }],
    });
  }
  return person;
}

/** Adds a person to an open case with a role; the person's id and the case's new version. */
export async function addCasePerson(
  ctx: RequestContext,
  access: CaseAccess,
  body: AddCasePerson,
): Promise<{ personId: string; version: number }> {
  requireCaseAbility(access, 'persons', 'write');
  if ((body.existingPersonId === undefined) === (body.new === undefined)) {
    throw invalid('body.existingPersonId', 'person_one_of');
  }
  const checked = body.new ? checkNewPerson(body.new, 'body.new', danishToday(new Date())) : null;
  if (checked) rejectProblems(checked.problems);

  if (body.personId !== undefined && body.new === undefined) {
    throw invalid('body.personId', 'not_allowed_without_new');
  }

  const outcome = await inCaseTransaction(ctx, access, 'persons', 'write', async (trx, locked) => {
    // The same new person again (a retry): already added, so answered as the first time.
    if (body.personId !== undefined && (await casePersonRow(trx, access, body.personId))) {
      return { personId: body.personId, version: locked.version };
    }
    let personId: string;
    let name: string;
    if (body.existingPersonId !== undefined) {
      const person = await requireVisiblePerson(trx, ctx, access, body.existingPersonId);
      if (await casePersonRow(trx, access, person.id)) {
        throw invalid('body.existingPersonId', 'person_in_case');
      }
      requireOpenCase(locked);
      requireVersion(locked.version, body.version);
      // Someone waiting to be archived is needed again.
      await keepFromArchive(trx, access.municipalityCode, [person.id]);
      personId = person.id;
      name = personName(person);
    } else {
      requireOpenCase(locked);
      requireVersion(locked.version, body.version);
      const fresh = body.new!;
      if (checked!.digits) {
        // A CPR number the municipality holds is that person: choose the registration instead.
        const known = await registeredWithCpr(trx, ctx, access.municipalityCode, checked!.digits);
        if (known.held) return { refused: known.items };
      }
      personId = await insertPerson(
        trx,
        ctx.keys.secret,
        access.municipalityCode,
        fresh,
        checked!,
        ctx.user.id,
        body.personId,
      );
      name = `${fresh.givenName} ${fresh.familyName}`;
    }
    await insertCasePerson(trx, access, personId, body.role);
    const version = await bumpCaseVersion(trx, access);
    await recordCaseChange(trx, ctx, access, {
      kind: 'person_added',
      changes: {
        person: { from: null, to: name },
        personRole: { from: null, to: body.role },
      },
      resourceType: 'case_person',
      resourceId: personId,
      details: { personId, role: body.role, registered: body.new !== undefined },
    });
    return { personId, version };
  });
  if ('refused' in outcome) {
    // After the commit: the hits shown stay in the audit trail; nothing else was stored.
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.new.cpr', code: 'person_exists' }],
      meta: { possibleDuplicates: outcome.refused },
    });
  }
  return outcome;
}

/**
 * Takes a person out of an open case, with the reason (in the chronology). The citizen the case
 * is about stays, and so does a person with interventions still planned, running or paused.
 */
export async function removeCasePerson(
  ctx: RequestContext,
  access: CaseAccess,
  personId: string,
  body: RemoveCasePerson,
): Promise<{ personId: string; version: number }> {
  return inCaseTransaction(ctx, access, 'persons', 'write', async (trx, locked) => {
    const row = await casePersonRow(trx, access, personId);
    if (!row) throw new AppError('not_found');
    if (row.role === 'citizen') throw invalid('params.personId', 'citizen_not_removable');
    requireOpenCase(locked);
    requireVersion(locked.version, body.version);
    // As the main person or as a participant of a family or group intervention.
    if ((await openInterventionsTakingPart(trx, access, personId)) > 0) {
      throw invalid('params.personId', 'person_has_open_interventions');
    }
    // The event first: its audit entries name every person of the case, the removed one too.
    await recordCaseChange(trx, ctx, access, {
      kind: 'person_removed',
      changes: {
        person: { from: personName(row), to: null },
        personRole: { from: row.role, to: null },
        reason: { from: null, to: body.reason },
      },
      resourceType: 'case_person',
      resourceId: personId,
      details: { personId, role: row.role },
    });
    await deleteCasePerson(trx, access, personId);
    return { personId, version: await bumpCaseVersion(trx, access) };
  });
}

/**
 * Marks a parent of an open case as holding custody (forældremyndighed) of the child, or not;
 * only a person in the role parent can. A change that changes nothing records nothing.
 */
export async function changeCustody(
  ctx: RequestContext,
  access: CaseAccess,
  personId: string,
  body: Custody,
): Promise<{ personId: string; version: number }> {
  return inCaseTransaction(ctx, access, 'persons', 'write', async (trx, locked) => {
    const row = await casePersonRow(trx, access, personId);
    if (!row) throw new AppError('not_found');
    requireOpenCase(locked);
    requireVersion(locked.version, body.version);
    if (row.role !== 'parent') throw invalid('body.custodyHolder', 'custody_only_parent');
    if (row.custody_holder === body.custodyHolder) return { personId, version: locked.version };
    await setCustodyHolder(trx, access, personId, body.custodyHolder);
    await recordCaseChange(trx, ctx, access, {
      kind: 'custody_changed',
      changes: {
        person: { from: personName(row), to: personName(row) },
        custodyHolder: { from: row.custody_holder, to: body.custodyHolder },
      },
      resourceType: 'case_person',
      resourceId: personId,
      details: { personId, custodyHolder: body.custodyHolder },
    });
    return { personId, version: await bumpCaseVersion(trx, access) };
  });
}

/** Colleagues the coordinator may add as members (not members yet, of a role that can be one). */
export async function listMemberCandidates(
  ctx: RequestContext,
  access: CaseAccess,
  q: string | undefined,
): Promise<MemberCandidates> {
  requireCaseAbility(access, 'members', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await memberCandidates(trx, access, { roles: MAY_HOLD.member, q });
    // Who is not on the case tells who is: a read of the case, audited as one.
    await auditCaseRead(trx, ctx, access, {
      what: 'member_candidates',
      details: { candidates: rows.length },
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        roles: RoleSchema.array().parse(r.roles),
        units: r.unit_names ?? [],
      })),
    };
  });
}
