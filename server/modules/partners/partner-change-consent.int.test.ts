import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../test/records.ts';
import {
  caller,
  invitation,
  newPartnerUser,
  orgs,
  partnerCase,
  t,
  usePartnerFixtures,
} from './partners.fixtures.ts';

/**
 * Changing an access on the consent basis (review 12): the parts as changed must be covered by
 * the citizen's consent too, else the change is refused on the field in Danish and nothing is
 * stored — no new version, no chronology event, no register entry.
 */
usePartnerFixtures();

describe('changing a consent-based access', () => {
  it('refuses widening to parts the consent does not cover, storing nothing', async () => {
    const db = t.database.db;
    const c = await partnerCase();
    await db
      .updateTable('case_consents')
      .set({ categories: ['case_history'] })
      .where('id', '=', c.consentId)
      .execute();
    const partner = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`, orgs.school);
    const body = invitation(c, {
      organisationId: orgs.school,
      partnerUserId: partner.id,
      legalBasis: 'consent',
      consentId: c.consentId,
      parts: ['contributions'],
      goalKeys: [],
    });
    const made = await caller('coordinator').post(`/api/cases/${c.id}/partner-access`, body);
    expect(made.statusCode, made.body).toBe(201);
    const counts = async () => ({
      disclosures: (
        await db.selectFrom('disclosures').select('id').where('case_id', '=', c.id).execute()
      ).length,
      changes: (
        await db
          .selectFrom('case_events')
          .select('id')
          .where('case_id', '=', c.id)
          .where('kind', '=', 'partner_access_changed')
          .execute()
      ).length,
    });
    const before = await counts();
    const res = await caller('coordinator').put(`/api/cases/${c.id}/partner-access/${body.id}`, {
      version: 1,
      parts: ['contributions', 'planGoals'],
      goalKeys: [c.goals[0]],
      interventionIds: [],
      endsOn: body.endsOn,
      reason: 'Skolen skal følge målene.',
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json() as ErrorBody).error.fields ?? [];
    expect(fields).toEqual([
      expect.objectContaining({ field: 'body.parts', code: 'partner_consent_not_valid' }),
    ]);
    expect(fields[0]?.message).toContain('Samtykket dækker ikke');
    expect(await counts()).toEqual(before);
    const version = await db
      .selectFrom('case_partner_access')
      .select('version')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(version.version).toBe(1);
  });
});
