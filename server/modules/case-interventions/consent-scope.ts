import type { Transaction } from 'kysely';
import type { CaseAccess } from '../../access/records.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { DB } from '../../platform/db/schema.ts';
import { findPartnerRow } from '../sharing/queries-partners.ts';
import type { ConsentBody } from './consent-schema.ts';
import { custodyOf } from './queries-consents.ts';

/**
 * The rules of a consent's scope (docs/CONSENT.md), as field problems (nothing is stored when
 * there is one). A consent to share (standing access or a single disclosure) names at least one
 * category of information and one recipient (a partner organisation of the municipality or a
 * kind of organisation) and says until when it is valid — a date or, explicitly, open-ended
 * (`validTo: null`); for a child it is given by at least one custody holder. A counselling
 * consent (serviceloven § 12 b) needs none of these, as the simple consent before it. For every
 * consent: the period is in order, an oral consent names its witness, and the custody holders
 * named are persons of the case who hold custody.
 */

/** Whether the consent lets information be shared (not only counselling). */
export const isSharing = (uses: readonly string[]) =>
  uses.includes('standing_access') || uses.includes('single_disclosure');

/** Under 18 on the given day (birth date YYYY-MM-DD). */
export function under18(birthDate: string, on: string): boolean {
  const adult = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return on < adult;
}

export async function scopeProblems(
  trx: Transaction<DB>,
  access: CaseAccess,
  body: ConsentBody,
  person: { id: string; birth_date: string | null },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const sharing = isSharing(body.uses);
  const validFrom = body.validFrom ?? body.givenOn;
  const child = person.birth_date !== null && under18(person.birth_date, body.givenOn);

  if (new Set(body.uses).size !== body.uses.length) {
    problems.push({ field: 'body.uses', code: 'duplicate' });
  }
  if (sharing && body.categories.length === 0) {
    problems.push({ field: 'body.categories', code: 'consent_categories_required' });
  }
  if (body.categories.includes('concern') && !access.compartment) {
    problems.push({ field: 'body.categories', code: 'consent_concern_compartment' });
  }
  if (sharing && body.organisationIds.length === 0 && body.organisationKinds.length === 0) {
    problems.push({ field: 'body.organisationIds', code: 'consent_recipient_required' });
  }
  if (sharing && body.validTo === undefined) {
    problems.push({ field: 'body.validTo', code: 'consent_valid_to_required' });
  }
  if (body.validTo && body.validTo < validFrom) {
    problems.push({ field: 'body.validTo', code: 'consent_period_order' });
  }
  if (body.method === 'oral' && !body.witness) {
    problems.push({ field: 'body.witness', code: 'consent_witness_required' });
  }

  // The partner organisations: of the municipality, and active.
  for (const [i, id] of body.organisationIds.entries()) {
    const organisation = await findPartnerRow(trx, access.municipalityCode, id);
    if (body.organisationIds.indexOf(id) !== i) {
      problems.push({ field: `body.organisationIds.${i}`, code: 'duplicate' });
    } else if (!organisation || !organisation.active) {
      problems.push({ field: `body.organisationIds.${i}`, code: 'consent_organisation_unknown' });
    }
  }

  // The custody holders: only for a consent given by them; persons of the case with custody.
  if (body.givenBy === 'person' && body.custodyHolderIds.length > 0) {
    problems.push({ field: 'body.custodyHolderIds', code: 'consent_custody_holders_for_guardian' });
  }
  const custody = await custodyOf(trx, access, body.custodyHolderIds);
  body.custodyHolderIds.forEach((id, i) => {
    const holder = custody.find((c) => c.person_id === id);
    if (body.custodyHolderIds.indexOf(id) !== i) {
      problems.push({ field: `body.custodyHolderIds.${i}`, code: 'duplicate' });
    } else if (!holder?.custody_holder || id === person.id) {
      problems.push({ field: `body.custodyHolderIds.${i}`, code: 'consent_not_custody_holder' });
    }
  });
  if (sharing && child && body.givenBy === 'guardian' && body.custodyHolderIds.length === 0) {
    problems.push({ field: 'body.custodyHolderIds', code: 'consent_custody_holder_required' });
  }
  return problems;
}
