import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf } from '../../test/records.ts';
import { type TestUser } from '../../test/users.ts';
import { findCaseAccess } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { danishToday } from '../cases/chronology.ts';
import { runReviewJob } from './job.ts';
import { addDays, addMonths } from './dates.ts';
import { collectCaseSummary } from './summary.ts';
import {
  t,
  coordinator,
  coordinator2,
  member,
  person,
  sister,
  SECRET_JUDGEMENT,
  caller,
  fieldsOf,
  richCase,
  proposeAndApprove,
  caseRow,
  eventKinds,
  useClosureFixtures,
} from './closure.fixtures.ts';

useClosureFixtures();

describe(`closure and re-review (${testEngine})`, () => {
  it('the job moves a closed case to re-review when due, notifies once, never twice; a review confirms', async () => {
    const db = t.database.db;
    const c = await richCase();
    const { approved } = await proposeAndApprove(c, 'coordinator2');
    expect(approved.statusCode).toBe(200);
    const six = await db
      .selectFrom('case_reviews')
      .select(['id', 'due_on', 'version'])
      .where('case_id', '=', c.id)
      .where('months', '=', 6)
      .executeTakeFirstOrThrow();
    const reviewNotes = async () =>
      db
        .selectFrom('notifications')
        .select(['user_id', 'details'])
        .where('case_id', '=', c.id)
        .where('kind', '=', 'review_due')
        .execute();

    // Noon in Denmark the day before, and on the day it is due.
    const dayBefore = new Date(`${addDays(six.due_on, -1)}T10:00:00Z`);
    const dueDay = new Date(`${six.due_on}T10:00:00Z`);
    await runReviewJob(db, dayBefore);
    expect((await caseRow(c.id)).status).toBe('closed');
    expect(await reviewNotes()).toEqual([]);

    expect(await runReviewJob(db, dueDay)).toBeGreaterThanOrEqual(1);
    expect((await caseRow(c.id)).status).toBe('under_review');
    const notes = await reviewNotes();
    expect(notes.map((n) => n.user_id).sort()).toEqual([coordinator.id, coordinator2.id].sort());
    expect(notes[0]?.details).toEqual({ reviewId: six.id });
    const statusEvent = await db
      .selectFrom('case_events')
      .select(['actor_user_id', 'changes'])
      .where('case_id', '=', c.id)
      .where('kind', '=', 'status_changed')
      .executeTakeFirstOrThrow();
    expect(statusEvent).toEqual({
      actor_user_id: null,
      changes: { status: { from: 'closed', to: 'under_review' } },
    });

    await runReviewJob(db, dueDay);
    await runReviewJob(db, new Date(dueDay.getTime() + 86_400_000));
    expect(await reviewNotes()).toHaveLength(2);

    // Record it "today": move the review's date to today so the real clock fits.
    const today = danishToday(new Date());
    await db.updateTable('case_reviews').set({ due_on: today }).where('id', '=', six.id).execute();
    const url = `/api/cases/${c.id}/reviews/${six.id}`;
    const base = { version: six.version, decision: 'confirm', heldOn: today };
    expect((await caller('member').post(url, { ...base, noLongerAtRisk: true })).statusCode).toBe(
      403,
    );
    const missing = await caller('coordinator').post(url, base);
    expect(fieldsOf(missing)).toEqual(['body.noLongerAtRisk:required']);
    const future = await caller('coordinator').post(url, {
      ...base,
      heldOn: addDays(today, 1),
      noLongerAtRisk: true,
    });
    expect(fieldsOf(future)).toEqual(['body.heldOn:in_future']);
    const early = await caller('coordinator').post(url, {
      ...base,
      heldOn: addDays(today, -31),
      noLongerAtRisk: true,
    });
    expect(fieldsOf(early)).toEqual(['body.heldOn:review_too_early']);
    const stale = await caller('coordinator').post(url, {
      ...base,
      version: six.version + 5,
      noLongerAtRisk: true,
    });
    expect(stale.statusCode).toBe(409);

    const ok = await caller('coordinator').post(url, { ...base, noLongerAtRisk: true });
    expect(ok.statusCode).toBe(200);
    expect((await caseRow(c.id)).status).toBe('closed');
    const review = await db
      .selectFrom('case_reviews')
      .select(['status', 'held_on', 'no_longer_at_risk', 'in_education_or_work', 'decided_by'])
      .where('id', '=', six.id)
      .executeTakeFirstOrThrow();
    expect(review).toEqual({
      status: 'confirmed',
      held_on: today,
      no_longer_at_risk: true,
      in_education_or_work: null,
      decided_by: coordinator.id,
    });
    const again = await caller('coordinator').post(url, {
      ...base,
      version: six.version + 1,
      noLongerAtRisk: true,
    });
    expect(fieldsOf(again)).toEqual(['review.status:review_not_scheduled']);
    expect((await eventKinds(c.id)).slice(-1)).toEqual(['review_recorded']);
  });

  it('a re-review reopens the case with a reason and cancels the other one', async () => {
    const db = t.database.db;
    const c = await richCase();
    await proposeAndApprove(c, 'coordinator2');
    const today = danishToday(new Date());
    const twelve = await db
      .selectFrom('case_reviews')
      .select(['id', 'version'])
      .where('case_id', '=', c.id)
      .where('months', '=', 12)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('case_reviews')
      .set({ due_on: today })
      .where('id', '=', twelve.id)
      .execute();
    const url = `/api/cases/${c.id}/reviews/${twelve.id}`;
    const noReason = await caller('coordinator').post(url, {
      version: twelve.version,
      decision: 'reopen',
      heldOn: today,
    });
    expect(fieldsOf(noReason).sort()).toEqual(
      ['body.inEducationOrWork:required', 'body.reason:required'].sort(),
    );
    const ok = await caller('coordinator').post(url, {
      version: twelve.version,
      decision: 'reopen',
      heldOn: today,
      reason: 'Ny henvendelse fra skolen om bekymrende adfærd.',
      inEducationOrWork: false,
    });
    expect(ok.statusCode).toBe(200);
    const row = await caseRow(c.id);
    expect(row.status).toBe('active');
    expect(row.closed_at).toBeNull();
    const reviews = await db
      .selectFrom('case_reviews')
      .select(['months', 'status', 'in_education_or_work'])
      .where('case_id', '=', c.id)
      .orderBy('months')
      .execute();
    expect(reviews).toEqual([
      { months: 6, status: 'cancelled', in_education_or_work: null },
      { months: 12, status: 'reopened', in_education_or_work: false },
    ]);
    expect((await eventKinds(c.id)).slice(-2)).toEqual(['review_recorded', 'reopened']);
  });

  it('the summary PDF: audited, full scope only, and without the compartment for a plain member', async () => {
    const db = t.database.db;
    const c = await richCase();
    await db
      .insertInto('case_assessments')
      .values({
        case_id: c.id,
        number: 1,
        status: 'final',
        overall_judgement: SECRET_JUDGEMENT,
        concern_level: 'moderate',
        created_by: coordinator.id,
        finalised_by: coordinator.id,
        finalised_at: new Date(),
      })
      .execute();
    await db
      .insertInto('case_events')
      .values({
        case_id: c.id,
        actor_user_id: coordinator.id,
        kind: 'note',
        changes: '{}',
        note_text: 'Fortroligt-notat-om-bekymringen',
        compartment: true,
      })
      .execute();
    await db
      .insertInto('case_events')
      .values({
        case_id: c.id,
        actor_user_id: member.id,
        kind: 'note',
        changes: '{}',
        note_text: 'Almindeligt notat',
        compartment: false,
      })
      .execute();

    const res = await caller('member').get(`/api/cases/${c.id}/summary.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="sagsresume-${c.reference}.pdf"`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audit = await auditRowsOf(db, res);
    expect(audit.map((a) => a.subject_person_id).sort()).toEqual([person.id, sister.id].sort());
    expect(audit[0]?.details).toMatchObject({ read: 'case_summary_pdf', compartment: false });
    expect((await caller('mentor').get(`/api/cases/${c.id}/summary.pdf`)).statusCode).toBe(403);
    expect((await caller('outsider').get(`/api/cases/${c.id}/summary.pdf`)).statusCode).toBe(404);
    const english = await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`, {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(200);

    // What goes into the document, for both readers.
    const user = (u: TestUser, roles: CurrentUser['roles']): CurrentUser => ({
      id: u.id,
      username: u.username,
      displayName: 'x',
      roles,
      municipalityCode: '101',
      policeDistrictId: null,
      unitIds: [],
      totpEnabled: true,
    });
    const memberAccess = await findCaseAccess(db, user(member, ['caseworker']), c.id);
    const coordinatorAccess = await findCaseAccess(db, user(coordinator, ['coordinator']), c.id);
    if (!memberAccess || !coordinatorAccess) throw new Error('no access');
    expect(memberAccess.compartment).toBe(false);
    const plain = await collectCaseSummary(db, memberAccess);
    const full = await collectCaseSummary(db, coordinatorAccess);
    expect(plain?.compartment).toBeNull();
    expect(JSON.stringify(plain)).not.toContain(SECRET_JUDGEMENT);
    expect(JSON.stringify(plain)).not.toContain('Fortroligt-notat');
    expect(JSON.stringify(plain)).not.toContain('højreekstremistisk');
    expect(plain?.events.map((e) => e.noteText)).toEqual(['Almindeligt notat']);
    expect(full?.compartment).toMatchObject({
      extremismForm: 'right_wing',
      assessment: { overallJudgement: SECRET_JUDGEMENT },
    });
    expect(full?.events.map((e) => e.noteText)).toEqual([
      'Fortroligt-notat-om-bekymringen',
      'Almindeligt notat',
    ]);
    expect(full?.persons.map((p) => p.name).sort()).toEqual([person.name, sister.name].sort());
    expect(full?.plan?.goals.map((g) => g.text)).toEqual([
      'Går i skole hver dag',
      'Møder sin mentor',
    ]);
    expect(full?.interventions).toHaveLength(2);
  });

  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2025-11-30', 6)).toBe('2026-05-30');
  });
});
