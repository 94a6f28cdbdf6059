import { sql } from 'kysely';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { ago, caseByReference, dayAgo, event, openedAgo, type Ctx } from './context.ts';
import { seedMikkelFromPaper } from './mikkel-paper.ts';

/** S-2026-0002: on hold while Mikkel is abroad; moved in from paper (./mikkel-paper.ts). */
export async function seedMikkel(c: Ctx) {
  const found = await caseByReference(c, 'S-2026-0002');
  if (!found || found.status !== 'active') return;
  const coordinator = 'demo.tovholder2';
  await c.trx
    .updateTable('cases')
    .set({
      opened_at: ago(c.now, 120),
      status: 'on_hold',
      on_hold_reason:
        'Mikkel er rejst til udlandet i en periode. Skolen giver besked, når han er tilbage.',
      on_hold_until: dayAgo(c.now, -45),
      concern_level: 'moderate',
      age_group: 'adult',
      authority_area: 'outside',
      primary_concern: true,
      subject_kind: 'person',
      environment: 'online',
      version: sql<number>`version + 1`,
    })
    .where('id', '=', found.id)
    .execute();
  await openedAgo(c, found.id, 120);
  await seedMikkelFromPaper(c, found.id, coordinator);
  await event(
    c,
    found.id,
    90,
    coordinator,
    'note',
    {},
    {
      text: 'Første samtale med Mikkel hos SSP. Han vil gerne tale om uddannelse.',
    },
  );
  await addMother(c, found.id, coordinator);
  await event(c, found.id, 20, coordinator, 'status_changed', {
    status: { from: 'active', to: 'on_hold' },
    until: { from: null, to: dayAgo(c.now, -45) },
  });
}

/**
 * Mikkel's mother, added to the case after it was opened (issue 12: the family in the case), so
 * the chronology shows a person added later with her place in the case.
 */
async function addMother(c: Ctx, caseId: string, coordinator: string) {
  const mother = await c.trx
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: 'Lone Demo',
      family_name: 'Hansen',
      birth_date: '1972-05-09',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await c.trx
    .insertInto('case_persons')
    .values({ case_id: caseId, person_id: mother.id, role: 'parent' })
    .execute();
  await event(c, caseId, 75, coordinator, 'person_added', {
    person: { from: null, to: 'Lone Demo Hansen' },
    personRole: { from: null, to: 'parent' },
  });
}
