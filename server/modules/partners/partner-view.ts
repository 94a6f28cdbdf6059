import type { Transaction } from 'kysely';
import type { CaseAccess } from '../../access/records.ts';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { addCaseEvent, casePersonIds, danishToday } from '../cases/chronology.ts';
import { getBases } from '../sharing/bases.ts';
import { coveredAccesses } from './consent-cover.ts';
import { basisText, statusOf } from './presenting.ts';
import {
  caseCitizen,
  caseCoordinator,
  caseFacts,
  caseInterventions,
  currentPlanGoals,
  liveAccessRows,
  ownContributions,
  type AccessRow,
} from './queries.ts';
import type { PartnerCase, PartnerCaseList } from './schema.ts';
import { PartnerPartSchema, type PartnerPart } from '../../../shared/partners.ts';

/**
 * The partner's own view (issue 13 part 1): "Mine sager", the cases they are invited to, and each
 * case with only the parts granted. The access check runs at every request against today in
 * Danish time, so nothing is visible the day after the end date, once the case is closed or the
 * organisation deactivated, or when the basis no longer fits; a consent basis is checked
 * through the consent module's covering check at every read (one statement for all rows), so a withdrawn consent ends the access at once. A case the
 * partner is not (or no longer) invited to answers 404, as a missing one. Every read of the case
 * is audited per person in its transaction, with the basis.
 */

async function liveInvitations(
  trx: Transaction<DB>,
  ctx: RequestContext,
  today: string,
  caseId?: string,
) {
  const rows = await liveAccessRows(trx, ctx.user.id, today, caseId);
  if (rows.length === 0) return [];
  const covered = await coveredAccesses(trx, rows, today);
  const byMunicipality = new Map<string, Awaited<ReturnType<typeof getBases>>>();
  const live: { row: (typeof rows)[number]; basis: string }[] = [];
  for (const row of rows) {
    let bases = byMunicipality.get(row.municipality_code);
    if (!bases) {
      bases = await getBases(trx, row.municipality_code);
      byMunicipality.set(row.municipality_code, bases);
    }
    const basis = bases.find((b) => b.key === row.legal_basis);
    if (statusOf(row, basis, today, covered) !== 'active') continue;
    live.push({ row, basis: basisText(basis, row.legal_basis, ctx.language) });
  }
  return live;
}

const partsOf = (row: AccessRow): PartnerPart[] =>
  row.parts.filter((p): p is PartnerPart => PartnerPartSchema.safeParse(p).success);

export async function listPartnerCases(
  ctx: RequestContext,
  now = new Date(),
): Promise<PartnerCaseList> {
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const seen = new Set<string>();
    const items: PartnerCaseList['items'] = [];
    for (const { row } of await liveInvitations(trx, ctx, today)) {
      if (seen.has(row.case_id)) continue;
      seen.add(row.case_id);
      items.push({
        caseId: row.case_id,
        reference: row.reference,
        organisation: row.organisation_name,
        endsOn: row.ends_on,
        parts: partsOf(row),
      });
    }
    return { items };
  });
}

/** The partner's place in the case, for the audit trail: no role, no unit, no compartment. */
function partnerPlace(row: AccessRow): CaseAccess {
  return {
    caseId: row.case_id,
    municipalityCode: row.municipality_code,
    role: null,
    scope: 'intervention',
    compartment: false,
    breakGlass: false,
    breakGlassUntil: null,
    unitId: null,
    purposeLimit: null,
  };
}

async function auditPartner(
  trx: Transaction<DB>,
  ctx: RequestContext,
  row: AccessRow,
  basis: string,
  action: 'read' | 'create',
  details: Record<string, string>,
) {
  const place = partnerPlace(row);
  const persons = await casePersonIds(trx, place);
  const subjects: (string | null)[] = persons.length > 0 ? persons : [null];
  await writeAudit(
    trx,
    ctx.keys.audit,
    subjects.map((subjectPersonId) =>
      recordEvent(ctx.user, place, {
        action,
        resourceType: 'case',
        resourceId: row.case_id,
        subjectPersonId,
        purpose: PURPOSES.partnerAccess,
        legalBasis: basis,
        requestId: ctx.requestId,
        details: { partnerAccessId: row.id, ...details },
      }),
    ),
  );
}

async function invitationFor(
  trx: Transaction<DB>,
  ctx: RequestContext,
  caseId: string,
  today: string,
) {
  const live = (await liveInvitations(trx, ctx, today, caseId)).find(
    (l) => l.row.case_id === caseId,
  );
  if (!live) throw new AppError('not_found');
  return live;
}

export async function getPartnerCase(
  ctx: RequestContext,
  caseId: string,
  now = new Date(),
): Promise<PartnerCase> {
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, basis } = await invitationFor(trx, ctx, caseId, today);
    const key = { caseId: row.case_id, municipalityCode: row.municipality_code };
    const parts = partsOf(row);
    const facts = await caseFacts(trx, key);
    if (!facts) throw new AppError('not_found');

    let overview: PartnerCase['overview'] = null;
    if (parts.includes('overview')) {
      const coordinator = await caseCoordinator(trx, key);
      const citizen = await caseCitizen(trx, key);
      overview = {
        status: facts.status as NonNullable<PartnerCase['overview']>['status'],
        coordinator: coordinator
          ? { name: coordinator.display_name, email: coordinator.email }
          : null,
        citizen: citizen
          ? {
              name: `${citizen.given_name} ${citizen.family_name}`,
              birthDate: citizen.birth_date ? String(citizen.birth_date).slice(0, 10) : null,
            }
          : null,
      };
    }
    const goals = parts.includes('planGoals')
      ? (await currentPlanGoals(trx, key))
          .filter((g) => row.goal_keys.includes(g.key))
          .map((g) => ({ key: g.key, text: g.text, targetDate: g.targetDate, status: g.status }))
      : null;
    const interventions = parts.includes('ownInterventions')
      ? (await caseInterventions(trx, key))
          .filter((i) => row.intervention_ids.includes(i.id))
          .map((i) => ({
            id: i.id,
            name: i.name,
            status: i.status,
            startsOn: i.starts_on,
            endsOn: i.ends_on,
          }))
      : null;
    const contributions = parts.includes('contributions')
      ? (await ownContributions(trx, key, ctx.user.id)).map((c) => ({
          id: String(c.id),
          at: new Date(c.occurred_at).toISOString(),
          text: c.note_text ?? '',
        }))
      : null;
    await auditPartner(trx, ctx, row, basis, 'read', { parts: parts.join(',') });
    return {
      caseId: row.case_id,
      reference: facts.reference,
      parts,
      banner: {
        organisation: row.organisation_name,
        legalBasis: basis,
        purpose: row.purpose,
        endsOn: row.ends_on,
      },
      overview,
      goals,
      interventions,
      contributions,
    };
  });
}

/** A contribution from the partner: a note in the case's chronology, marked as from the partner. */
export async function addContribution(
  ctx: RequestContext,
  caseId: string,
  text: string,
  now = new Date(),
): Promise<{ id: string }> {
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, basis } = await invitationFor(trx, ctx, caseId, today);
    if (!partsOf(row).includes('contributions')) throw new AppError('forbidden');
    // As for the case team (requireOpenCase): no new work on a case closed or being closed.
    if (row.case_status === 'closed' || row.case_status === 'under_review') {
      throw new AppError('validation_failed', {
        fields: [{ field: 'case.status', code: 'case_closed' }],
      });
    }
    if (!text) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.text', code: 'required' }],
      });
    }
    const id = await addCaseEvent(
      trx,
      row.case_id,
      ctx.user.id,
      'partner_contribution',
      {},
      {
        text,
        compartment: false,
      },
    );
    await auditPartner(trx, ctx, row, basis, 'create', { eventId: id });
    return { id };
  });
}
