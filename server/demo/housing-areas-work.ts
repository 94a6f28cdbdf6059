import type { Kysely } from 'kysely';
import type { CurrentUser } from '../access/sessions.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { sendIdentification } from '../modules/area-work/identification.ts';
import { createIntervention, changeStatus } from '../modules/area-work/interventions.ts';
import { IdentificationBody, CreateAreaInterventionBody } from '../modules/area-work/schema.ts';
import { demoUsers } from './inquiries-setup.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * The area work on Demo Kommune's fictional area "Nørrevang" (issue 16 parts 3 and 5), made
 * through the same services as the API: one tool 4a identification sent by the housing social
 * worker (demo.boligsocial; the coordinator when the partner is missing), which lands in the
 * inbox as a concern inquiry with the area; an area intervention ("Temaaften om bekymringstegn
 * for foreningerne") and an upskilling course for 25 front-line staff, under way. Fixed ids: a
 * second start adds nothing. Seeds nothing when the area is missing.
 */
const IDS = {
  identification: '7d1f5a52-8c1e-4d7e-9a55-0e6f3b2a4a01',
  themeEvening: '7d1f5a52-8c1e-4d7e-9a55-0e6f3b2a4a02',
  course: '7d1f5a52-8c1e-4d7e-9a55-0e6f3b2a4a03',
};

export async function seedDemoAreaWork(
  db: Kysely<DB>,
  keys: { secret: Buffer; audit: Buffer },
): Promise<void> {
  const area = await db
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('name', '=', 'Nørrevang')
    .executeTakeFirst();
  if (!area) return;
  const users = await demoUsers(db);
  const coordinator = users.get('demo.tovholder');
  if (!coordinator) return;
  const sender = users.get('demo.boligsocial') ?? coordinator;
  const ctx = (user: CurrentUser): RequestContext => ({
    db,
    keys,
    user,
    requestId: 'demo-seed-area-work',
    ip: '127.0.0.1',
    language: 'da',
  });
  const today = new Date().toISOString().slice(0, 10);

  try {
    await sendIdentification(
      ctx(sender),
      area.id,
      IdentificationBody.parse({
        id: IDS.identification,
        tool: '4a',
        person: { givenName: 'Demo Adam', familyName: 'Demosen', birthDate: null, age: 13 },
        relation: 'younger_sibling',
        signs: ['glorifies_older_sibling', 'withdraws_from_peers'],
        observation:
          'Adam taler meget om sin storebror og hans "sag" og er stoppet på fodboldholdet i klubben. Set flere aftener ved kælderen i blok 4 med ældre drenge.',
        resources: 'God kontakt til klubmedarbejderen; moren kommer i lektiecaféen.',
        contact: 'Boligsocial medarbejder i Nørrevang, via beboerrådgivningen',
      }),
    );
  } catch (error) {
    // The sender has no standing in the area in this installation: no identification then.
    if (!(error instanceof AppError)) throw error;
  }

  await createIntervention(
    ctx(coordinator),
    area.id,
    CreateAreaInterventionBody.parse({
      id: IDS.themeEvening,
      kind: 'area_civil_society',
      title: 'Temaaften om bekymringstegn for foreningerne',
      description:
        'En aften for trænere og bestyrelser i områdets foreninger: hvad er bekymringstegn, og hvem ringer man til.',
      targetGroup: 'Trænere og bestyrelser i Nørrevangs foreninger',
      startsOn: today,
      plannedParticipants: 30,
      nextFollowUpOn: today,
    }),
  );
  const course = await createIntervention(
    ctx(coordinator),
    area.id,
    CreateAreaInterventionBody.parse({
      id: IDS.course,
      kind: 'upskilling',
      title: 'Kursus i tegn på radikalisering for frontpersonale',
      description: 'To moduler om bekymringstegn, risiko- og beskyttelsesfaktorer og samarbejdet.',
      targetGroup: 'Frontpersonale i klubber, skoler og boligsocial indsats',
      startsOn: today,
      plannedParticipants: 25,
      nextFollowUpOn: today,
    }),
  );
  if (course.created) {
    await changeStatus(ctx(coordinator), area.id, IDS.course, {
      version: course.intervention.version,
      status: 'active',
      on: null,
      note: null,
      monitoringUntil: null,
    });
  }
}
