import { sql } from 'kysely';
import { ago, caseByReference, dayAgo, event, openedAgo, type Ctx } from './context.ts';

/** S-2026-0002: on hold while Mikkel is abroad. */
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
  await event(c, found.id, 20, coordinator, 'status_changed', {
    status: { from: 'active', to: 'on_hold' },
    until: { from: null, to: dayAgo(c.now, -45) },
  });
}
