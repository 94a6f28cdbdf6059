import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import type { Chronology } from '../cases/schema.ts';
import type { ClosureOverview } from '../closure/schema.ts';
import type { InterventionType } from '../interventions/schema.ts';
import {
  COUNSELLING,
  WORDS,
  caller,
  id,
  startConcernCase,
  t,
  theCase,
  typeIds,
} from './concern-names.fixtures.ts';

/**
 * Catalogue entries that reveal the concern (docs/SECURITY.md, "Catalogue entries that name the
 * concern") beyond the interventions tab: the chronology, the closure tab, the case summary PDF,
 * My tasks and the notifications. A caseworker, a police contact (members with the whole case)
 * and the mentor who provides the § 12 b counselling never get the entry's name, its legal basis
 * or a word of the concern, in Danish or English: a neutral name stands in its place. The case's
 * coordinator gets the name, also from events written before names were read with the event.
 */
const EXIT = 'Exitprogram';
const MENTORING = 'Mentorforløb med særligt uddannede mentorer';
const NEUTRAL = {
  da: 'Indsats, der koordineres af forebyggelseskoordinatoren',
  en: 'Intervention coordinated by the prevention coordinator',
};
const OUTSIDE = ['caseworker', 'police', 'mentor'] as const;
const LANGS = ['da', 'en'] as const;

let counsellingId = '';

const url = (path: string) => `/api/cases/${theCase.id}${path}`;
/** The text as one line: a name the PDF wraps is found as well. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function expectNoConcernNames(text: string, what: string) {
  expect(text, what).not.toMatch(WORDS);
  expect(text, what).not.toContain(EXIT);
  expect(text, what).not.toContain('12 b');
  expect(text, what).not.toContain('concernChanges');
  expect(text, what).not.toContain('concernTypeName');
}

beforeAll(async () => {
  const person = await startConcernCase({ forum: false });
  const db = t.database.db;

  // Events written before names were read with the event: the name is in `changes`.
  await db
    .insertInto('case_events')
    .values(
      [COUNSELLING, EXIT, MENTORING].map((name, i) => ({
        case_id: theCase.id,
        actor_user_id: id('coordinator'),
        kind: i === 1 ? 'intervention_session' : 'intervention_added',
        changes: JSON.stringify({ intervention: { from: null, to: name } }),
      })),
    )
    .execute();

  // The § 12 b counselling, given by the mentor (who is notified), started with consent and
  // with a session note; a mentor programme; an exit-programme offer; a closure proposal.
  const coordinator = caller('coordinator');
  const created = await coordinator.post(url('/interventions'), {
    interventionTypeId: typeIds.counselling_12b,
    personId: person.id,
    providerUserId: id('mentor'),
  });
  expect(created.statusCode, created.body).toBe(201);
  counsellingId = (created.json() as { id: string }).id;
  const consent = await coordinator.post(url('/consents'), {
    personId: person.id,
    givenBy: 'guardian',
    purpose: 'Samtykke til forløbet',
    method: 'written',
    givenOn: '2025-02-01',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const started = await coordinator.patch(url(`/interventions/${counsellingId}`), {
    version: 1,
    status: 'active',
    startsOn: '2025-02-15',
  });
  expect(started.statusCode, started.body).toBe(200);
  const session = await caller('mentor').post(url(`/interventions/${counsellingId}/sessions`), {
    heldOn: '2025-03-01',
    note: 'Første samtale.',
  });
  expect(session.statusCode, session.body).toBe(201);
  const ordinary = await coordinator.post(url('/interventions'), {
    interventionTypeId: typeIds.mentor_programme,
    personId: person.id,
  });
  expect(ordinary.statusCode, ordinary.body).toBe(201);
  const offer = await coordinator.post(url('/offers'), {
    personId: person.id,
    kind: 'other',
    interventionTypeId: typeIds.exit_programme,
    offeredOn: '2025-02-01',
  });
  expect(offer.statusCode, offer.body).toBe(201);
  const proposed = await coordinator.post(url('/closure'), {
    outcome: 'handled',
    reason: 'Forløbet er gennemført.',
    interventionDispositions: [counsellingId, (ordinary.json() as { id: string }).id].map(
      (interventionId) => ({ interventionId, disposition: 'end' }),
    ),
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
});
afterAll(() => t.close());

/** The chronology's events that name an intervention, oldest first. */
const named = (c: Chronology) => c.items.filter((e) => 'intervention' in e.changes).reverse();

describe(`catalogue entries that reveal the concern, beyond the interventions tab (${testEngine})`, () => {
  it.each(['caseworker', 'police'])(
    'a case %s reads the chronology without the name, in Danish and English',
    async (name) => {
      for (const lang of LANGS) {
        const res = await caller(name).get(url('/chronology'), { 'accept-language': lang });
        expect(res.statusCode, lang).toBe(200);
        expectNoConcernNames(res.body, lang);
        // Old events and new: the entry that reveals the concern under no name, the other named.
        expect(named(res.json() as Chronology).map((e) => e.changes.intervention?.to)).toEqual([
          null,
          null,
          MENTORING,
          null,
          null,
          MENTORING,
        ]);
      }
    },
  );

  it('the coordinator reads the names, from old events and from the catalogue', async () => {
    const res = await caller('coordinator').get(url('/chronology'));
    const events = named(res.json() as Chronology);
    expect(
      events.map((e) => e.concernChanges?.intervention?.to ?? e.changes.intervention?.to),
    ).toEqual([COUNSELLING, EXIT, MENTORING, COUNSELLING, COUNSELLING, MENTORING]);
    expect(events.map((e) => e.kind)).toContain('intervention_session');
  });

  it.each(['caseworker', 'police'])(
    'a case %s reads the closure tab without the name, in Danish and English',
    async (name) => {
      for (const lang of LANGS) {
        const res = await caller(name).get(url('/closure'), { 'accept-language': lang });
        expect(res.statusCode, lang).toBe(200);
        expectNoConcernNames(res.body, lang);
        const body = res.json() as ClosureOverview;
        const open = body.openInterventions.find((i) => i.id === counsellingId);
        expect(open).toMatchObject({ typeName: null });
        expect(open).not.toHaveProperty('concernTypeName');
        expect(body.openInterventions.map((i) => i.typeName)).toContain(MENTORING);
        expect(body.closures[0]?.interventionDispositions.map((d) => d.typeName)).toEqual([
          null,
          MENTORING,
        ]);
      }
    },
  );

  it('the coordinator reads the names on the closure tab', async () => {
    const body = (await caller('coordinator').get(url('/closure'))).json() as ClosureOverview;
    const open = body.openInterventions.find((i) => i.id === counsellingId);
    expect(open).toMatchObject({ typeName: null, concernTypeName: COUNSELLING });
    expect(body.closures[0]?.interventionDispositions[0]?.concernTypeName).toBe(COUNSELLING);
  });

  it.each(['caseworker', 'police'])(
    "a case %s's summary PDF has a neutral name in its place, in Danish and English",
    async (name) => {
      for (const lang of LANGS) {
        const res = await caller(name).get(url('/summary.pdf'), { 'accept-language': lang });
        expect(res.statusCode, lang).toBe(200);
        const text = flat(await pdfText(res.rawPayload));
        expectNoConcernNames(text, lang);
        expect(text, lang).toContain(NEUTRAL[lang]);
        expect(text, lang).toContain(MENTORING);
      }
    },
  );

  it("the coordinator's summary PDF names the entry", async () => {
    const res = await caller('coordinator').get(url('/summary.pdf'), { 'accept-language': 'en' });
    const text = flat(await pdfText(res.rawPayload));
    expect(text).toContain(COUNSELLING);
    expect(text).toContain(EXIT);
    expect(text).not.toContain(NEUTRAL.en);
  });

  it('the mentor has no chronology, closure tab or summary (403), and nothing names the entry', async () => {
    for (const path of ['/chronology', '/closure', '/summary.pdf']) {
      const res = await caller('mentor').get(url(path));
      expect(res.statusCode, path).toBe(403);
      expectNoConcernNames(res.body, path);
    }
  });

  it.each(OUTSIDE)(
    'My tasks and the notifications of the %s never name the entry',
    async (name) => {
      for (const lang of LANGS) {
        for (const path of ['/api/tasks', '/api/notifications']) {
          const res = await caller(name).get(path, { 'accept-language': lang });
          expect(res.statusCode, path).toBe(200);
          expectNoConcernNames(res.body, `${path} ${lang}`);
          expect(res.body).not.toContain('Rådgivning');
        }
      }
      // The mentor's assignment is there, by its reference only.
      if (name === 'mentor') {
        const res = await caller(name).get('/api/notifications');
        expect((res.json() as { items: { kind: string }[] }).items.map((i) => i.kind)).toContain(
          'intervention_assigned',
        );
      }
    },
  );

  it('an entry marked after its events is no longer named in them outside the compartment', async () => {
    const list = (await caller('coordinator').get('/api/intervention-types')).json() as {
      items: InterventionType[];
    };
    const mentoring = list.items.find((i) => i.code === 'mentor_programme');
    const marked = await caller('coordinator').patch(`/api/intervention-types/${mentoring?.id}`, {
      version: mentoring?.version,
      revealsConcern: true,
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const res = await caller('caseworker').get(url('/chronology'));
    expect(res.body).not.toContain(MENTORING);
    const closure = await caller('caseworker').get(url('/closure'));
    expect(closure.body).not.toContain(MENTORING);
    const pdf = await caller('caseworker').get(url('/summary.pdf'));
    expect(flat(await pdfText(pdf.rawPayload))).not.toContain(MENTORING);
  });
});
