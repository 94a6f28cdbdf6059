import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfTagging, pdfText } from '../../test/pdf-text.ts';
import {
  t,
  coordinator,
  coordinator2,
  caller,
  richCase,
  unit,
  useClosureFixtures,
  type Rich,
} from './closure.fixtures.ts';

useClosureFixtures();

/** The PDF's text as a reader gets it, with line breaks and wrapping folded to single spaces. */
const textOf = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');

/**
 * A case whose coordinator (in a unit, with an e-mail) is the contact person, and whose
 * chronology was recorded out of date order: events are inserted newest-dated first.
 */
async function documentedCase(): Promise<Rich & { municipality: string; contact: string }> {
  const db = t.database.db;
  const c = await richCase();
  await db
    .updateTable('case_members')
    .set({ unit_id: unit.id })
    .where('case_id', '=', c.id)
    .where('user_id', '=', coordinator.id)
    .execute();
  await db
    .updateTable('case_members')
    .set({ added_at: new Date(Date.now() + 60_000) })
    .where('case_id', '=', c.id)
    .where('user_id', '=', coordinator2.id)
    .execute();
  await db
    .updateTable('users')
    .set({ email: 'tovholder@example.dk' })
    .where('id', '=', coordinator.id)
    .execute();
  const event = (occurredAt: string, kind: string, changes: Record<string, unknown>) => ({
    case_id: c.id,
    actor_user_id: coordinator.id,
    kind,
    occurred_at: new Date(occurredAt),
    changes: JSON.stringify(changes),
    compartment: false,
  });
  // Recorded in this order, dated in another: the document follows the dates.
  await db
    .insertInto('case_events')
    .values([
      event('2026-03-01T09:00:00Z', 'follow_up_recorded', {
        concernLevel: { from: 'moderate', to: 'high' },
      }),
      event('2026-01-10T09:00:00Z', 'intervention_added', {
        personRole: { from: null, to: 'citizen' },
        status: { from: null, to: 'planned' },
      }),
      event('2026-02-15T09:00:00Z', 'offer_answered', {
        offer: { from: 'mentor', to: 'mentor' },
        status: { from: 'open', to: 'declined' },
        renewalsScheduled: { from: null, to: '2026-05-15, 2026-08-15' },
      }),
      event('2026-02-01T09:00:00Z', 'status_changed', {
        status: { from: 'on_hold', to: 'active' },
        reason: { from: null, to: 'Familien er hjemme igen' },
      }),
    ])
    .execute();
  const municipality = await db
    .selectFrom('municipalities')
    .select('name')
    .where('code', '=', '101')
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', coordinator.id)
    .executeTakeFirstOrThrow();
  return {
    ...c,
    municipality: municipality.name,
    contact: `${user.display_name}, ${unit.name}, tovholder@example.dk`,
  };
}

describe(`handover-grade documents (${testEngine})`, () => {
  it('the case summary: letterhead, contact person, page numbers, æøå and arrows, tagged', async () => {
    const c = await documentedCase();
    const res = await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`);
    expect(res.statusCode).toBe(200);
    const text = await textOf(res.rawPayload);
    expect(text).toContain(c.municipality);
    expect(text).toContain(`Sagsresumé for sag ${c.reference}`);
    expect(text).toContain(`Kontaktperson: ${c.contact}`);
    expect(text).toMatch(/Dato: \d{1,2}\. [a-zæøå]+ \d{4}/);
    expect(text).toMatch(/Side 1 af \d+/);
    expect(text).toContain('Børne- og ungeenheden'); // æ, ø and the letters around them
    expect(text).toContain('→');
    expect(pdfTagging(res.rawPayload)).toEqual({ marked: true, structTree: true, lang: true });
  });

  it('the chronology is in date order, every change in words, no raw key or code', async () => {
    const c = await documentedCase();
    const res = await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`);
    const text = await textOf(res.rawPayload);
    const chronology = text.slice(text.indexOf('Forløb (ældste først)'));
    const lines = [
      'Status: – → Planlagt',
      'Begrundelse: – → Familien er hjemme igen', // jsonb keeps a shorter key first
      'Status: Sat i bero → Aktiv',
      'Status: Afventer svar → Takket nej',
      'Nye tilbud planlagt: – → 15. maj 2026, 15. august 2026',
      'Bekymringsniveau: Moderat bekymring → Høj bekymring',
    ];
    const at = lines.map((line) => chronology.indexOf(line));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(chronology).toContain('Person: – → Borger');
    expect(chronology).toContain('Tilbud: Mentor → Mentor');
    for (const raw of [
      'concernLevel',
      'personRole',
      'renewalsScheduled',
      'planned',
      'declined',
      'on_hold',
      'high',
      'caseSummary.',
      "!'",
    ]) {
      expect(text, raw).not.toContain(raw);
    }
  });

  it('a back-dated event says the day it happened and why it was recorded later, in words', async () => {
    const c = await documentedCase();
    await t.database.db
      .insertInto('case_events')
      .values({
        case_id: c.id,
        actor_user_id: coordinator.id,
        kind: 'intervention_changed',
        changes: JSON.stringify({ startsOn: { from: null, to: '2026-01-05' } }),
        happened_on: '2026-01-05',
        backdate_reason: 'moved_from_paper',
      })
      .execute();
    const da = await textOf(
      (await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`)).rawPayload,
    );
    expect(da).toContain('Skete 5. januar 2026 – registreret senere: flyttet fra papir');
    // Recorded today, it takes its place by the day it happened: before the March follow-up.
    expect(da.indexOf('Skete 5. januar 2026')).toBeLessThan(
      da.indexOf('Bekymringsniveau: Moderat bekymring → Høj bekymring'),
    );
    expect(da).not.toContain('moved_from_paper');
    const en = await textOf(
      (
        await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`, {
          'accept-language': 'en',
        })
      ).rawPayload,
    );
    expect(en).toContain('– recorded later: moved from paper');
  });

  it('in English: the same document in English words', async () => {
    const c = await documentedCase();
    const res = await caller('coordinator').get(`/api/cases/${c.id}/summary.pdf`, {
      'accept-language': 'en',
    });
    const text = await textOf(res.rawPayload);
    expect(text).toContain(`Contact person: ${c.contact}`);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Concern level: Moderate concern → High concern');
    expect(text).toContain('Status: Awaiting answer → Declined');
    expect(text).not.toContain('concernLevel');
  });

  it('the plan: letterhead, contact person, date, and lines for the citizen and the coordinator to sign', async () => {
    const c = await documentedCase();
    const res = await caller('coordinator').get(`/api/cases/${c.id}/plan.pdf`);
    expect(res.statusCode).toBe(200);
    const text = await textOf(res.rawPayload);
    expect(text).toContain(c.municipality);
    expect(text).toContain(`Kontaktperson: ${c.contact}`);
    expect(text).toMatch(/Dato: \d{1,2}\. [a-zæøå]+ \d{4}/);
    expect(text).toMatch(/Side 1 af \d+/);
    const signatures = text.slice(text.indexOf('Underskrifter'));
    expect(signatures).toMatch(/Borgeren Navn: Ali Testesen Dato: Underskrift:/);
    expect(signatures).toContain(`Tovholderen Navn: ${c.contact.split(',')[0]} Dato: Underskrift:`);
    expect(pdfTagging(res.rawPayload)).toEqual({ marked: true, structTree: true, lang: true });
  });
});
