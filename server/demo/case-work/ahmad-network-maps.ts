import { randomUUID } from 'node:crypto';
import type { Relation } from '../../modules/network-maps/schema.ts';
import { AHMAD_COORDINATOR, ago, dayAgo, type AhmadCase, type Ctx } from './context.ts';

/**
 * S-2026-0001's network analysis map (issue 15 part 5): drawn at the first meeting and again
 * three months later, both finalised. Between them the militant channel moved further away, the
 * football club came closer, the SSP consultant became close and a mentor was added; the older
 * friends from the street are no longer on the map. Fictional, described by role.
 */
export async function seedAhmadNetworkMaps(c: Ctx, a: AhmadCase) {
  const key = {
    father: randomUUID(),
    brother: randomUUID(),
    cousin: randomUUID(),
    club: randomUUID(),
    street: randomUUID(),
    gaming: randomUUID(),
    teacher: randomUUID(),
    ssp: randomUUID(),
    channel: randomUUID(),
    mentor: randomUUID(),
  };
  const r = (
    k: string,
    sector: Relation['sector'],
    label: string,
    closeness: number,
    quality: Relation['quality'],
    note: string | null = null,
    personId: string | null = null,
  ): Relation => ({ key: k, sector, label, closeness, quality, note, personId });
  const spring: Relation[] = [
    r(key.father, 'family', 'Far', 1, 'protective', 'Bekymret og vil gerne hjælpe.', a.karim.id),
    r(key.brother, 'family', 'Lillebror', 1, 'mixed', 'Ser op til ham.', a.yusuf.id),
    r(key.cousin, 'family', 'Ældre fætter', 2, 'risky', 'Deler militante videoer.'),
    r(key.club, 'leisure', 'Venner fra fodboldklubben', 3, 'protective', 'Ses sjældent nu.'),
    r(key.street, 'friends', 'Ældre venner fra gaden', 2, 'risky'),
    r(key.gaming, 'online', 'Venner fra onlinespil', 2, 'mixed'),
    r(key.teacher, 'school_work', 'Klasselærer', 2, 'protective'),
    r(key.ssp, 'professionals', 'SSP-konsulent', 2, 'protective'),
    r(
      key.channel,
      'extremist_environment',
      'Lukket kanal med militant indhold og voldsforherligende retorik',
      1,
      'risky',
      'Følger kanalen dagligt.',
    ),
  ];
  const summer: Relation[] = [
    ...spring
      .filter((x) => x.key !== key.street)
      .map((x) => {
        if (x.key === key.club) return { ...x, closeness: 2, note: 'Træner igen om tirsdagen.' };
        if (x.key === key.ssp) return { ...x, closeness: 1 };
        if (x.key === key.channel) return { ...x, closeness: 2, note: 'Følger den sjældnere.' };
        if (x.key === key.cousin) return { ...x, quality: 'mixed' as const };
        return x;
      }),
    r(key.mentor, 'professionals', 'Mentor', 1, 'protective', 'Ugentlige møder.'),
  ];
  const coordinator = c.user(AHMAD_COORDINATOR).id;
  const first = randomUUID();
  const second = randomUUID();
  const versions = [
    { id: first, number: 1, daysAgo: 180, occasion: 'Første møde', relations: spring },
    { id: second, number: 2, daysAgo: 90, occasion: 'Tre måneder efter', relations: summer },
  ];
  for (const v of versions) {
    await c.trx
      .insertInto('network_map_versions')
      .values({
        id: v.id,
        case_id: a.caseId,
        number: v.number,
        based_on_id: v.number === 1 ? null : first,
        status: 'final',
        drawn_on: dayAgo(c.now, v.daysAgo),
        occasion: v.occasion,
        relations: JSON.stringify(v.relations),
        created_by: coordinator,
        created_at: ago(c.now, v.daysAgo),
        updated_at: ago(c.now, v.daysAgo - 1),
        finalised_by: coordinator,
        finalised_at: ago(c.now, v.daysAgo - 1),
        version: 3,
      })
      .execute();
    // The map's chronology events belong to the compartment, as those the service writes.
    for (const [kind, days] of [
      ['network_map_created', v.daysAgo],
      ['network_map_finalised', v.daysAgo - 1],
    ] as const) {
      await c.trx
        .insertInto('case_events')
        .values({
          case_id: a.caseId,
          occurred_at: ago(c.now, days),
          actor_user_id: coordinator,
          kind,
          changes: JSON.stringify({}),
          compartment: true,
        })
        .execute();
    }
  }
}
