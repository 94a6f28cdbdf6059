import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { fieldsOf, type ErrorBody } from '../../test/records.ts';
import {
  caller,
  forumCase,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
  view,
} from './minutes.fixtures.ts';

/**
 * Approval and versions of the minutes (issue 14 part 4) and the Infohus network's rule (part 6):
 * only the chair approves; approved minutes answer 409 with a Danish message; a correction is a
 * new version and the approved one stays readable; network minutes refuse a CPR number and need
 * the chair's confirmation that they hold no personal data.
 */
useMinutesFixtures();

const write = (
  meetingId: string,
  itemId: string,
  version: number,
  assessed: string,
  who = 'noteTaker',
) =>
  caller(who).put(
    `/api/meetings/${meetingId}/minutes/items/${itemId}`,
    { version, assessed, decision: 'Punktet tages op igen næste gang.' },
    { 'accept-language': 'da' },
  );

describe(`approving the minutes (${testEngine})`, () => {
  it('lets only the chair approve; approved minutes are read-only; a correction is a new version', async () => {
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([
      { kind: 'case', caseId: c.id },
      { kind: 'topic', title: 'Tendenser i området' },
    ]);
    const itemId = itemIds[0] as string;
    let version = await start(meetingId);
    const saved = await write(meetingId, itemId, version, 'Forummet drøftede forløbet.');
    expect(saved.statusCode, saved.body).toBe(200);
    version = (saved.json() as { version: number }).version;
    // A stale version is refused with the current one.
    const stale = await write(meetingId, itemId, version - 1, 'Forældet.');
    expect(stale.statusCode).toBe(409);

    const byNoteTaker = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/approve`,
      {
        version,
      },
    );
    expect(byNoteTaker.statusCode).toBe(403);
    expect((await view(meetingId, 'chair')).abilities.approve).toBe(true);
    const approved = await caller('chair').post(`/api/meetings/${meetingId}/minutes/approve`, {
      version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const v1 = await view(meetingId);
    expect(v1.minutes?.status).toBe('approved');
    expect(v1.abilities).toMatchObject({ write: false, approve: false, newVersion: true });

    const edit = await write(meetingId, itemId, v1.minutes?.version ?? 0, 'Ændret bagefter.');
    expect(edit.statusCode).toBe(409);
    const body = edit.json() as ErrorBody;
    expect(body.error.code).toBe('minutes_approved');
    expect(body.error.message).toMatch(/godkendt og kan ikke ændres/);
    expect((await view(meetingId)).items[0]?.assessed).toBe('Forummet drøftede forløbet.');

    const correction = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/versions`,
      {
        id: randomUUID(),
        version: v1.minutes?.version,
        reason: 'Beslutningen var formuleret forkert.',
      },
    );
    expect(correction.statusCode, correction.body).toBe(201);
    const v2 = await view(meetingId);
    expect(v2.minutes).toMatchObject({ versionNo: 2, status: 'draft' });
    expect(v2.items[0]?.assessed).toBe('Forummet drøftede forløbet.');
    const changed = await write(meetingId, itemId, v2.minutes?.version ?? 0, 'Rettet vurdering.');
    expect(changed.statusCode, changed.body).toBe(200);
    const old = await view(meetingId, 'noteTaker', '?versionNo=1');
    expect(old.minutes).toMatchObject({ versionNo: 1, status: 'approved' });
    expect(old.items[0]?.assessed).toBe('Forummet drøftede forløbet.');
    expect((await view(meetingId)).items[0]?.assessed).toBe('Rettet vurdering.');
  });

  it('network minutes refuse a CPR number and need the confirmation of no personal data', async () => {
    const { meetingId, itemIds } = await meetingWith(
      [{ kind: 'topic', title: 'Tendenser i distriktet' }],
      'infohus_network',
    );
    const itemId = itemIds[0] as string;
    const version = await start(meetingId);
    const cpr = await write(meetingId, itemId, version, 'Drøftet borger 010203-1234 fra skolen.');
    expect(cpr.statusCode).toBe(400);
    expect(fieldsOf(cpr)).toEqual(['body.assessed:minutes_personal_reference_cpr']);
    expect((cpr.json() as ErrorBody).error.fields?.[0]?.message).toMatch(/CPR-nummer/);
    const reference = await write(meetingId, itemId, version, 'Se sag S-2026-0007.');
    expect(fieldsOf(reference)).toEqual([
      'body.assessed:minutes_personal_reference_record_reference',
    ]);
    const stored = await view(meetingId);
    expect(stored.items[0]?.assessed).toBeNull();
    expect(stored.minutes?.version).toBe(version);

    const ok = await write(meetingId, itemId, version, 'Flere henvendelser om onlinemiljøer: 4.');
    expect(ok.statusCode, ok.body).toBe(200);
    const next = (ok.json() as { version: number }).version;
    const unconfirmed = await caller('chair').post(
      `/api/meetings/${meetingId}/minutes/approve`,
      { version: next },
      { 'accept-language': 'da' },
    );
    expect(unconfirmed.statusCode).toBe(400);
    expect(fieldsOf(unconfirmed)).toEqual([
      'body.noPersonalDataConfirmed:minutes_confirm_no_personal_data',
    ]);
    expect((await view(meetingId)).minutes?.status).toBe('draft');
    const confirmed = await caller('chair').post(`/api/meetings/${meetingId}/minutes/approve`, {
      version: next,
      noPersonalDataConfirmed: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const row = await t.database.db
      .selectFrom('meeting_minutes')
      .select(['no_personal_data_confirmed_by', 'no_personal_data_confirmed_at', 'status'])
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('approved');
    expect(row.no_personal_data_confirmed_at).not.toBeNull();
    expect((await view(meetingId)).items[0]?.actions).toEqual([]);
  });

  it('prints the minutes as a PDF with only what the caller may see, audited', async () => {
    const c = await forumCase();
    const { meetingId } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    await start(meetingId);
    const res = await caller('chair').get(`/api/meetings/${meetingId}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['purpose', 'resource_id'])
      .where('request_id', '=', String(res.headers['x-request-id']))
      .execute();
    expect(audit).toEqual([expect.objectContaining({ purpose: 'meeting', resource_id: c.id })]);
  });
});
