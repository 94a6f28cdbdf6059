import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../access/passwords.ts';
import { encryptField } from '../platform/crypto.ts';
import type { DB } from '../platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './users.ts';

/**
 * Demo Kommune's fictional housing area "Nørrevang" (issue 16 part 1): an outline near a made-up
 * spot in a Danish town, three zones (the yard by blocks 1–4, the station square, the youth
 * club's surroundings as an environment) with places in them — the basement hang-out in block 4
 * among them — its team forum "Nørrevangs områdeteam" (kind housing_area) with demo staff, and
 * the housing social worker `demo.boligsocial` of "Boligselskabet Nørrevang" (a partner user with
 * the demo password and TOTP secret) granted the area with the overview. Fixed ids; added once,
 * also to older demo installations; the other housing-area slices seed on top of it by name.
 */
export const DEMO_AREA_NAME = 'Nørrevang';
export const DEMO_HOUSING_PARTNER_USERNAME = 'demo.boligsocial';

const ORGANISATION_ID = '5e1f0a00-0000-4000-8000-000000000016';
const FORUM_ID = '16a00000-0000-4000-8000-000000000001';
const AREA_ID = '16a00000-0000-4000-8000-000000000002';
const id = (n: number) => `16a00000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

/** [id, level, kind, zone, name, description, shape] */
export const PARTS = [
  [
    id(1),
    'zone',
    'zone',
    null,
    'Gården ved blok 1–4',
    'Den fælles gård med legeplads og bænke mellem blok 1 og 4.',
    square(10.201, 56.151, 10.205, 56.154),
  ],
  [
    id(2),
    'zone',
    'zone',
    null,
    'Stationspladsen',
    'Pladsen foran stationen med busstoppested og kiosk.',
    square(10.206, 56.151, 10.21, 56.153),
  ],
  [
    id(3),
    'zone',
    'environment',
    null,
    'Ungdomsklubbens område',
    'Klubben og stierne omkring den, hvor de unge mødes om aftenen.',
    square(10.202, 56.1545, 10.208, 56.1565),
  ],
  [
    id(4),
    'place',
    'hangout',
    id(1),
    'Kælderen i blok 4',
    'Et kælderrum, hvor en gruppe unge samles sent om aftenen.',
    point(10.2035, 56.1525),
  ],
  [
    id(5),
    'place',
    'shop',
    id(2),
    'Kiosken ved stationen',
    'Døgnkiosk, hvor mange unge køber ind og opholder sig.',
    point(10.208, 56.152),
  ],
  [
    id(6),
    'place',
    'club',
    id(3),
    'Ungdomsklubben',
    'Kommunens fritidsklub for 13–18-årige.',
    point(10.205, 56.1555),
  ],
  [
    id(7),
    'place',
    'outdoor',
    null,
    'Boldbanen',
    'Kunstgræsbanen i områdets østlige ende.',
    square(10.2105, 56.1535, 10.2115, 56.1545),
  ],
] as const;

/** Nørrevang's outline. */
export const OUTLINE = square(10.2, 56.15, 10.212, 56.157);

const TEAM = ['demo.forum', 'demo.sagsbehandler', 'demo.politi'];

export async function seedDemoHousingAreas(db: Kysely<DB>, secretKey: Buffer): Promise<void> {
  const exists = await db
    .selectFrom('housing_areas')
    .select('id')
    .where('id', '=', AREA_ID)
    .executeTakeFirst();
  if (exists) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411960)`.execute(trx);
    if (
      await trx
        .selectFrom('housing_areas')
        .select('id')
        .where('id', '=', AREA_ID)
        .executeTakeFirst()
    ) {
      return;
    }
    const users = await trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['demo.tovholder', ...TEAM])
      .execute();
    const userId = (name: string) => users.find((u) => u.username === name)?.id;
    const coordinator = userId('demo.tovholder');
    if (!coordinator) return;
    await trx
      .insertInto('partner_organisations')
      .values({
        id: ORGANISATION_ID,
        municipality_code: DEMO_MUNICIPALITY_CODE,
        name: 'Boligselskabet Nørrevang',
        kind: 'housing_social_work',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    let partner = (
      await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', DEMO_HOUSING_PARTNER_USERNAME)
        .executeTakeFirst()
    )?.id;
    if (!partner) {
      partner = (
        await trx
          .insertInto('users')
          .values({
            username: DEMO_HOUSING_PARTNER_USERNAME,
            display_name: 'Lise Demo-Boligsocial',
            email: 'lise@demo-boligselskab.example',
            roles: ['partner'],
            municipality_code: DEMO_MUNICIPALITY_CODE,
            password_hash: passwordHash,
            password_changed_at: sql<Date>`now()`,
            totp_enabled_at: sql<Date>`now()`,
            is_demo: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await trx
        .updateTable('users')
        .set({ totp_secret_enc: encryptField(secretKey, DEMO_TOTP_SECRET, `totp:${partner}`) })
        .where('id', '=', partner)
        .execute();
      await trx
        .insertInto('partner_users')
        .values({
          user_id: partner,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          organisation_id: ORGANISATION_ID,
        })
        .execute();
    }
    await trx
      .insertInto('forums')
      .values({
        id: FORUM_ID,
        municipality_code: DEMO_MUNICIPALITY_CODE,
        name: 'Nørrevangs områdeteam',
        kind: 'housing_area',
        // The area meetings follow the area's mapping rounds.
        cadence: 'quarterly',
        created_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const members = TEAM.flatMap((name) => userId(name) ?? []);
    if (members.length > 0) {
      await trx
        .insertInto('forum_members')
        .values(members.map((user_id) => ({ forum_id: FORUM_ID, user_id, added_at: new Date() })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const now = new Date();
    await trx
      .insertInto('housing_areas')
      .values({
        id: AREA_ID,
        municipality_code: DEMO_MUNICIPALITY_CODE,
        name: DEMO_AREA_NAME,
        description:
          'Almen boligafdeling fra 1970’erne med 12 blokke og ca. 900 beboere. Fiktivt område i Demo Kommune.',
        local_actors:
          'Boligselskabet Nørrevang (boligsocial helhedsplan), Nørrevang Skole, Ungdomsklubben, SSP, politiets lokale enhed',
        geometry: JSON.stringify(OUTLINE),
        team_forum_id: FORUM_ID,
        cadence: 'quarterly',
        created_by: coordinator,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('housing_area_parts')
      .values(
        PARTS.map(([partId, level, kind, zoneId, name, description, shape]) => ({
          id: partId,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          area_id: AREA_ID,
          zone_id: zoneId,
          level,
          kind,
          name,
          description,
          local_actors: null,
          geometry: JSON.stringify(shape),
          created_by: coordinator,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto('housing_area_partners')
      .values({
        area_id: AREA_ID,
        user_id: partner,
        municipality_code: DEMO_MUNICIPALITY_CODE,
        may_contribute: true,
        sees_overview: true,
        granted_by: coordinator,
        granted_at: now,
      })
      .execute();
  });
}
