import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
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
import type { CaseInterventions } from './schema.ts';

/**
 * Catalogue entries that reveal the concern (docs/SECURITY.md, the compartment): the standard
 * catalogue marks "Rådgivning af voksne i risiko for radikalisering" (§ 12 b) and the exit
 * programme. On a case's interventions tab, members outside the compartment get such an entry
 * without its name or legal basis (the web shows a neutral name), are not offered it and cannot
 * choose it; the case's coordinators and forum members get its name.
 */
let counsellingId = '';

const tab = () => `/api/cases/${theCase.id}/interventions`;
const idOf = (code: string) => typeIds[code] ?? '';

beforeAll(async () => {
  const person = await startConcernCase({ forum: true });

  // The § 12 b counselling, given to the mentor; a mentor programme; an exit-programme offer.
  const created = await caller('coordinator').post(tab(), {
    interventionTypeId: idOf('counselling_12b'),
    personId: person.id,
    providerUserId: id('mentor'),
  });
  expect(created.statusCode, created.body).toBe(201);
  counsellingId = (created.json() as { id: string }).id;
  const ordinary = await caller('coordinator').post(tab(), {
    interventionTypeId: idOf('mentor_programme'),
    personId: person.id,
  });
  expect(ordinary.statusCode, ordinary.body).toBe(201);
  const offer = await caller('coordinator').post(`/api/cases/${theCase.id}/offers`, {
    personId: person.id,
    kind: 'other',
    interventionTypeId: idOf('exit_programme'),
    offeredOn: '2025-02-01',
  });
  expect(offer.statusCode, offer.body).toBe(201);
});
afterAll(() => t.close());

describe(`catalogue entries that reveal the concern, on the interventions tab (${testEngine})`, () => {
  it('the standard catalogue marks the § 12 b counselling and the exit programme', async () => {
    const res = await caller('coordinator').get('/api/intervention-types');
    const marked = (res.json() as { items: InterventionType[] }).items
      .filter((i) => i.revealsConcern)
      .map((i) => i.code)
      .sort();
    expect(marked).toEqual(['counselling_12b', 'exit_programme']);
  });

  it.each(['caseworker', 'police', 'mentor'])(
    'a case %s never receives the word, the name or the legal basis, in Danish or English',
    async (name) => {
      for (const lang of ['da', 'en']) {
        const res = await caller(name).get(tab(), { 'accept-language': lang });
        expect(res.statusCode, lang).toBe(200);
        expect(res.body, lang).not.toMatch(WORDS);
        expect(res.body, lang).not.toContain('Exitprogram');
        expect(res.body, lang).not.toContain('12 b');
        expect(res.body, lang).not.toContain('"concern"');
        const body = res.json() as CaseInterventions;
        // The intervention itself is shown, under no name: the web gives it a neutral one.
        const counselling = body.interventions.find((i) => i.id === counsellingId);
        expect(counselling?.type).toEqual({
          id: idOf('counselling_12b'),
          name: null,
          legalBasis: null,
          level: 'anticipating',
          consentRequired: true,
        });
        // Only entries the reader may choose: none that reveals the concern.
        const offered = body.catalogue.map((c) => c.id);
        expect(offered).not.toContain(idOf('counselling_12b'));
        expect(offered).not.toContain(idOf('exit_programme'));
        if (name !== 'mentor') {
          expect(offered).toContain(idOf('mentor_programme'));
          expect(body.offers[0]?.interventionType).toEqual({
            id: idOf('exit_programme'),
            name: null,
          });
        }
      }
    },
  );

  it.each(['coordinator', 'forum'])('the case %s receives the real names', async (name) => {
    const res = await caller(name).get(tab(), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as CaseInterventions;
    const counselling = body.interventions.find((i) => i.id === counsellingId);
    expect(counselling?.type).toMatchObject({
      name: null,
      concern: { name: COUNSELLING, legalBasis: 'Serviceloven § 12 b' },
    });
    expect(body.offers[0]?.interventionType?.concern?.name).toBe('Exitprogram');
    const entry = body.catalogue.find((c) => c.id === idOf('counselling_12b'));
    expect(entry?.concern?.name).toBe(COUNSELLING);
    const ordinary = body.catalogue.find((c) => c.id === idOf('mentor_programme'));
    expect(ordinary).toMatchObject({ name: 'Mentorforløb med særligt uddannede mentorer' });
    expect(ordinary?.concern).toBeNull();
  });

  it('a member outside the compartment cannot choose such an entry: the answer of an unknown id', async () => {
    const person = (await caller('caseworker')
      .get(tab())
      .then((r) => r.json())) as CaseInterventions;
    const personId = person.interventions[0]?.person.id;
    const before = await t.database.db
      .selectFrom('case_interventions')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    const answer = async (interventionTypeId: string) => {
      const res = await caller('caseworker').post(tab(), { interventionTypeId, personId });
      const body = res.json() as { error: { requestId?: string } };
      delete body.error.requestId;
      return { status: res.statusCode, body };
    };
    const marked = await answer(idOf('counselling_12b'));
    expect(marked).toEqual(await answer(randomUUID()));
    expect(marked.status).toBe(400);
    const offered = await caller('caseworker').post(`/api/cases/${theCase.id}/offers`, {
      personId,
      kind: 'other',
      interventionTypeId: idOf('exit_programme'),
      offeredOn: '2025-02-02',
    });
    expect(offered.statusCode).toBe(400);
    const after = await t.database.db
      .selectFrom('case_interventions')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    expect(after).toHaveLength(before.length);
  });
});

describe(`marking a catalogue entry (${testEngine})`, () => {
  it('is shown, set and changed by the catalogue manager; the concern words need the mark', async () => {
    const base = { level: 'intervening', ageGroup: 'all' };
    const unmarked = await caller('coordinator').post('/api/intervention-types', {
      ...base,
      code: 'exit_right',
      name: 'Exit fra højreekstremisme',
    });
    expect(unmarked.statusCode).toBe(400);
    expect((unmarked.json() as { error: { fields: { field: string }[] } }).error.fields).toEqual([
      expect.objectContaining({ field: 'body.revealsConcern', code: 'concern_word_unmarked' }),
    ]);
    const marked = await caller('coordinator').post('/api/intervention-types', {
      ...base,
      code: 'exit_right',
      name: 'Exit fra højreekstremisme',
      revealsConcern: true,
    });
    expect(marked.statusCode, marked.body).toBe(201);
    expect(marked.json()).toMatchObject({ revealsConcern: true });

    const counselling = (await caller('coordinator').get('/api/intervention-types')).json() as {
      items: InterventionType[];
    };
    const entry = counselling.items.find((i) => i.code === 'counselling_12b');
    const off = await caller('coordinator').patch(`/api/intervention-types/${entry?.id}`, {
      version: entry?.version,
      revealsConcern: false,
    });
    expect(off.statusCode).toBe(400);
    // A neutral entry may be marked too (e.g. one whose legal basis gives the concern away).
    const mentor = counselling.items.find((i) => i.code === 'mentor_programme');
    const on = await caller('coordinator').patch(`/api/intervention-types/${mentor?.id}`, {
      version: mentor?.version,
      revealsConcern: true,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ revealsConcern: true, version: (mentor?.version ?? 0) + 1 });
    const tabNow = (await caller('caseworker').get(tab())).json() as CaseInterventions;
    expect(tabNow.catalogue.map((c) => c.id)).not.toContain(mentor?.id);
  });
});
