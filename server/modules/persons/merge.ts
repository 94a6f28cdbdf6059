import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { decryptField, encryptField } from '../../platform/crypto.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, requireVersion } from '../../platform/errors.ts';
import { findPersonAccess } from '../../access/person-access.ts';
import { moveCasePersonLinks } from '../cases/queries-person-links.ts';
import { moveInquiryPersonLinks } from '../inquiries/queries-person-links.ts';
import { moveNoticePersonLinks } from '../notice/queries.ts';
import { moveNetworkMapPersonLinks } from '../network-maps/queries.ts';
import { personEvent } from './edit.ts';
import { cprContext } from './queries.ts';
import { updatePersonRow } from './queries-edit.ts';
import { lockPersons, markPersonMerged, movePersonRelations } from './queries-merge.ts';
import type { MergeBody } from './schema.ts';
import { cprDigest } from './service.ts';

/** The fields a merge fills on the surviving registration when it has none. */
const FILLABLE = ['birth_date', 'address', 'phone'] as const;

/**
 * Merges a duplicate registration (`sourceId`) into another (`body.intoPersonId`): both must be
 * visible to the coordinator, in the same municipality, different and not merged already. In one
 * transaction the links (inquiries, cases, relations) move to the surviving person, its blank
 * fields are filled from the duplicate (never overwritten; two different CPR numbers refuse the
 * merge), the duplicate is marked `merged_into` (it answers 404 from then on) and both persons
 * get a 'merge' audit entry.
 */
export async function mergePersons(
  ctx: RequestContext,
  sourceId: string,
  body: z.infer<typeof MergeBody>,
): Promise<{ intoPersonId: string; version: number }> {
  const targetId = body.intoPersonId;
  const sourceAccess = await findPersonAccess(ctx.db, ctx.user, sourceId);
  if (!sourceAccess) throw new AppError('not_found');
  if (targetId === sourceId) throw invalidTarget('merge_same_person');
  const targetAccess = await findPersonAccess(ctx.db, ctx.user, targetId);
  if (!targetAccess) throw invalidTarget('merge_target_not_found');

  return ctx.db.transaction().execute(async (trx) => {
    // Both rows locked, in id order so two opposite merges cannot deadlock.
    const rows = await lockPersons(trx, [sourceAccess, targetAccess]);
    const source = rows.find((r) => r.id === sourceId);
    const target = rows.find((r) => r.id === targetId);
    if (!source || source.merged_into !== null) throw new AppError('not_found');
    if (!target || target.merged_into !== null) throw invalidTarget('merge_target_not_found');
    if (source.municipality_code !== target.municipality_code) {
      throw invalidTarget('merge_other_municipality');
    }
    requireVersion(source.version, body.version);

    const sourceCpr = source.cpr_enc
      ? decryptField(ctx.keys.secret, source.cpr_enc, cprContext(source.id))
      : null;
    const targetCpr = target.cpr_enc
      ? decryptField(ctx.keys.secret, target.cpr_enc, cprContext(target.id))
      : null;
    if (sourceCpr && targetCpr && sourceCpr !== targetCpr) {
      // Two different people, or a typing error to correct first: nothing is changed.
      throw new AppError('conflict', {
        meta: { reason: 'cpr_differs' },
        fields: [{ field: 'body.intoPersonId', code: 'merge_cpr_differs' }],
      });
    }

    const { networkMapIds, ...moved } = await moveLinks(
      trx,
      source.municipality_code,
      sourceId,
      targetId,
    );

    const filled: string[] = [];
    const fill: Partial<Record<(typeof FILLABLE)[number], string>> = {};
    for (const field of FILLABLE) {
      const value = source[field];
      if (target[field] === null && value !== null) {
        fill[field] = value;
        filled.push(field);
      }
    }
    const cpr =
      sourceCpr && !targetCpr
        ? {
            cpr_enc: encryptField(ctx.keys.secret, sourceCpr, cprContext(target.id)),
            cpr_digest: cprDigest(ctx.keys.secret, sourceCpr),
          }
        : {};
    if (sourceCpr && !targetCpr) filled.push('cpr');

    const version = await updatePersonRow(trx, target, { ...fill, ...cpr });
    if (version === undefined) throw new AppError('not_found'); // locked above, so never
    // The duplicate keeps its name (for the trail) but no longer holds the CPR number.
    await markPersonMerged(trx, source, target.id);

    const details = {
      mergedPersonId: source.id,
      intoPersonId: target.id,
      filled: filled.join(','),
      ...moved,
    };
    // A network map version whose link moved is changed too (finalised ones included): one
    // 'update' entry each, about the surviving person.
    const mapEvents = networkMapIds.map((mapId) => ({
      ...personEvent(ctx, targetAccess, 'update', {
        reason: 'person_merge',
        mergedPersonId: source.id,
        intoPersonId: target.id,
      }),
      resourceType: 'network_map',
      resourceId: mapId,
    }));
    await writeAudit(trx, ctx.keys.audit, [
      ...[sourceAccess, targetAccess].map((access) => personEvent(ctx, access, 'merge', details)),
      ...mapEvents,
    ]);
    return { intoPersonId: target.id, version };
  });
}

function invalidTarget(code: string): AppError {
  return new AppError('validation_failed', { fields: [{ field: 'body.intoPersonId', code }] });
}

/**
 * Moves the duplicate's links to the surviving person: its places in inquiries and on cases
 * through their modules, its relations through queries-merge.ts. A link the survivor already has
 * is kept once (on conflict do nothing), and the duplicate's leftovers are deleted; a relation
 * between the two is dropped (a person is not their own relative). Both are of one
 * municipality: every row moved carries its tenant key.
 */
async function moveLinks(
  trx: Transaction<DB>,
  municipalityCode: string,
  sourceId: string,
  targetId: string,
) {
  const inquiriesMoved = await moveInquiryPersonLinks(trx, municipalityCode, sourceId, targetId);
  const casesMoved = await moveCasePersonLinks(trx, municipalityCode, sourceId, targetId);
  await moveNoticePersonLinks(trx, municipalityCode, sourceId, targetId);
  const networkMapIds = await moveNetworkMapPersonLinks(trx, municipalityCode, sourceId, targetId);

  const relationsMoved = await movePersonRelations(trx, municipalityCode, sourceId, targetId);
  return {
    inquiriesMoved,
    casesMoved,
    relationsMoved,
    networkMapsChanged: networkMapIds.length,
    networkMapIds,
  };
}
