import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../platform/db/schema.ts';
import type { Role } from '../access/roles.ts';
import type { CurrentUser } from '../access/sessions.ts';
import { findInquiryAccess } from '../access/inquiry-access.ts';
import { localTime } from '../modules/inquiries/deadline.ts';
import { decide } from '../modules/inquiries/decision.ts';
import { CreateInquiryBody, DecisionBody, type Decision } from '../modules/inquiries/schema.ts';
import {
  addContribution,
  createInquiry,
  triage,
  updateInquiry,
  type InquiryContext,
} from '../modules/inquiries/service.ts';
import { getSettings } from '../modules/inquiries/settings.ts';
import { DEMO_FORUM, insertDemoForum, lockDemoForum } from './records.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * Fictional concern inquiries in Demo Kommune, one in each state of the path of a concern, made
 * through the same service functions as the API (so the chronology and the audit trail are real):
 * - H-1 received, not yet triaged: recorded by demo.hotline, urgent (a serious sign);
 * - H-2 triaged "medium", handled by the forum "Demo Infohus", with a contribution by demo.forum;
 * - H-3 awaiting approval: demo.tovholder2 decided "no concern", demo.tovholder may approve it
 *   (Demo Kommune does not use four-eyes; this one decision was made as if it did);
 * - H-4 … H-7 decided: no concern, other concern (referred to the Jobcenter), handed to the police,
 *   and radicalisation concern, which opened a case;
 * - H-8 received: the hotline registers a known person anew (the possible-duplicate notice).
 * Deadlines are counted from "received" a few hours ago, so the open ones are at least 23 hours
 * away at seed time: the deadline job sends no reminder during a demo start. Every name says Demo.
 */
const REQUEST_ID = 'demo-seed';
const HOUR = 3_600_000;

type Body = z.input<typeof CreateInquiryBody>;
type DecisionInput = Omit<z.input<typeof DecisionBody>, 'version'>;

async function demoUsers(db: Kysely<DB>): Promise<Map<string, CurrentUser>> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('user_units', 'user_units.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.municipality_code',
      'users.police_district_id',
      'users.totp_enabled_at',
      'user_units.unit_id',
    ])
    .where('users.is_demo', '=', true)
    .where('users.disabled_at', 'is', null)
    .execute();
  const users = new Map<string, CurrentUser>();
  for (const r of rows) {
    const known = users.get(r.username);
    if (known) {
      if (r.unit_id) known.unitIds.push(r.unit_id);
      continue;
    }
    users.set(r.username, {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      roles: r.roles as Role[],
      municipalityCode: r.municipality_code,
      policeDistrictId: r.police_district_id,
      unitIds: r.unit_id ? [r.unit_id] : [],
      totpEnabled: r.totp_enabled_at !== null,
    });
  }
  return users;
}

/** The demo forum by name; created (with its members) when another change removed it. */
async function demoForum(db: Kysely<DB>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await lockDemoForum(trx);
    const found = await trx
      .selectFrom('forums')
      .select('id')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', DEMO_FORUM.name)
      .executeTakeFirst();
    return found ? found.id : insertDemoForum(trx);
  });
}

/**
 * The demo cases carry fixed references (S-2026-0001 …) written without the counter; the counter
 * is moved past them, so the case a decision opens gets the next free reference.
 */
async function syncCounters(db: Kysely<DB>, year: number): Promise<void> {
  for (const [kind, table] of [
    ['S', 'cases'],
    ['H', 'inquiries'],
  ] as const) {
    const prefix = `${kind}-${year}-`;
    const row = await db
      .selectFrom(table)
      .select(sql<number>`coalesce(max(substr(reference, ${prefix.length + 1})::int), 0)`.as('n'))
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('reference', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0) continue;
    await db
      .insertInto('reference_counters')
      .values({ municipality_code: DEMO_MUNICIPALITY_CODE, kind, year, last_number: Number(row.n) })
      .onConflict((oc) =>
        oc.columns(['municipality_code', 'kind', 'year']).doUpdateSet({
          last_number: sql<number>`greatest(reference_counters.last_number, excluded.last_number)`,
        }),
      )
      .execute();
  }
}

const person = (givenName: string, familyName: string, birthDate: string) => ({
  new: { givenName, familyName, birthDate },
});

const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

export async function seedDemoInquiries(
  db: Kysely<DB>,
  keys: { secret: Buffer; audit: Buffer },
): Promise<void> {
  const any = await db
    .selectFrom('inquiries')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  const users = await demoUsers(db);
  const tovholder = users.get('demo.tovholder');
  const tovholder2 = users.get('demo.tovholder2');
  const forumMember = users.get('demo.forum');
  // demo.hotline arrived after the first demo installations: there, the coordinator records.
  const hotline = users.get('demo.hotline') ?? tovholder;
  if (!tovholder || !tovholder2 || !forumMember || !hotline) return;
  const forumId = await demoForum(db);
  await syncCounters(db, localTime(new Date()).year);
  const settings = await getSettings(db, DEMO_MUNICIPALITY_CODE);
  const units = await db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  const unitOf = (kind: string) => units.find((u) => u.kind === kind)?.id ?? null;

  const ctx = (user: CurrentUser): InquiryContext => ({
    db,
    keys,
    user,
    requestId: REQUEST_ID,
    now: new Date(),
  });
  const access = async (user: CurrentUser, id: string) => {
    const found = await findInquiryAccess(db, user, id);
    if (!found) throw new Error(`demo seed: ${user.username} cannot open inquiry ${id}`);
    return found;
  };
  /** Records an inquiry; null when a concurrent start already recorded it (it does the rest). */
  const record = async (user: CurrentUser, key: string, body: Body) => {
    const { receipt, created } = await createInquiry(
      ctx(user),
      CreateInquiryBody.parse(body),
      `demo-inquiry-${key}`,
    );
    return created ? receipt.id : null;
  };
  const triageAs = async (
    user: CurrentUser,
    id: string,
    seriousness: 'high' | 'medium' | 'low',
  ) => {
    const a = await access(user, id);
    await triage(ctx(user), a, settings, { version: a.version, seriousness });
  };
  const assignForum = async (id: string) => {
    const a = await access(tovholder, id);
    await updateInquiry(ctx(tovholder), a, { version: a.version, forumId });
  };
  const contribute = async (user: CurrentUser, id: string, body: string) =>
    addContribution(ctx(user), await access(user, id), {
      body,
      legalBasis: 'rpl_115',
      unitId: null,
    });
  const decideAs = async (
    user: CurrentUser,
    id: string,
    input: DecisionInput,
    fourEyes = settings.fourEyes,
  ) => {
    const a = await access(user, id);
    const body: Decision = DecisionBody.parse({ ...input, version: a.version });
    await decide(ctx(user), a, { ...settings, fourEyes }, body);
  };

  // 1. Received, not triaged: urgent because of a serious sign.
  await record(hotline, '1', {
    source: 'teacher',
    channel: 'phone',
    reporter: { name: 'Lærer Mette Demo Jensen', contact: 'Demo Skole, tlf. 11 22 33 44' },
    receivedAt: ago(0.5),
    observation:
      'Oliver har i frikvarteret vist klassekammerater en video, hvor han opfordrer til vold mod "forræderne", og siger, at han snart skal "gøre noget".',
    subjectKind: 'person',
    persons: [person('Oliver Demo', 'Larsen', '2009-03-14')],
    signs: [
      { code: 'violent_messages', note: 'Video delt i frikvarteret.' },
      { code: 'extremist_media' },
    ],
  });

  // 2. Triaged "medium", handled by the forum, with a contribution from the forum.
  const second = await record(hotline, '2', {
    source: 'housing_social_worker',
    channel: 'meeting',
    reporter: { name: 'Boligsocial medarbejder Demo Berg', contact: null },
    receivedAt: ago(2),
    observation:
      'Sara har trukket sig fra sine venner og fritidsjobbet og taler om, at "systemet" undertrykker hendes familie. Moderen er bekymret.',
    subjectKind: 'family',
    persons: [
      person('Sara Demo', 'Petersen', '2008-08-21'),
      { ...person('Lone Demo', 'Petersen', '1979-02-02'), relationToFirst: 'parent' },
    ],
    signs: [
      { code: 'breaking_ties' },
      { code: 'injustice_narratives' },
      { code: 'poor_wellbeing' },
    ],
  });
  if (second) {
    await triageAs(tovholder, second, 'medium');
    await assignForum(second);
    await contribute(
      forumMember,
      second,
      'Børn og Unge kender familien fra et tidligere forløb om skolefravær. Ingen kendte kontakter til ekstremistiske miljøer.',
    );
  }

  // 3. Awaiting approval: demo.tovholder2 decided, demo.tovholder may approve or reject.
  const third = await record(tovholder2, '3', {
    source: 'relative',
    channel: 'phone',
    reporter: { name: 'Moster Demo Madsen', contact: null },
    receivedAt: ago(4),
    observation:
      'Noah har i en periode delt opslag med konspirationsteorier. Efter en samtale i familien er han selv kommet med nuancer og er i god trivsel.',
    subjectKind: 'person',
    persons: [person('Noah Demo', 'Madsen', '2006-12-01')],
    signs: [{ code: 'negative_influence' }],
  });
  if (third) {
    await triageAs(tovholder2, third, 'low');
    await decideAs(
      tovholder2,
      third,
      {
        outcome: 'no_concern',
        reason:
          'Ingen tegn på radikalisering ved samtalen; familien følger selv op. Afventer godkendelse af en anden tovholder.',
        classification: { subjectKind: 'person' },
      },
      true,
    );
  }

  // 4. Decided: no concern.
  const fourth = await record(hotline, '4', {
    source: 'friend',
    channel: 'email',
    reporter: { anonymous: true },
    receivedAt: ago(20),
    observation:
      'Emma har tegnet symboler, som en veninde troede var ekstremistiske. Det viste sig at være fra et computerspil.',
    subjectKind: 'person',
    persons: [person('Emma Demo', 'Kristensen', '2011-06-09')],
    signs: [{ code: 'totalitarian_symbols' }],
  });
  if (fourth) {
    await triageAs(tovholder, fourth, 'low');
    await decideAs(tovholder, fourth, {
      outcome: 'no_concern',
      reason: 'Symbolerne stammer fra et computerspil; ingen bekymring. Oplysningerne slettes.',
      classification: { subjectKind: 'person' },
    });
  }

  // 5. Decided: another concern, referred to the Jobcenter.
  const fifth = await record(tovholder, '5', {
    source: 'social_worker',
    channel: 'meeting',
    reporter: { name: 'Sagsbehandler Demo Dahl', contact: null },
    receivedAt: ago(16),
    observation:
      'Jonas har mistet sit arbejde og udtaler sig vredt om "eliten". Han har ikke kontakt til ekstremistiske miljøer, men mangler struktur i hverdagen.',
    subjectKind: 'person',
    persons: [person('Jonas Demo', 'Poulsen', '1999-10-10')],
    signs: [{ code: 'injustice_narratives' }, { code: 'mental_vulnerability' }],
  });
  if (fifth) {
    await triageAs(tovholder, fifth, 'medium');
    await decideAs(tovholder, fifth, {
      outcome: 'other_concern',
      reason:
        'Ikke radikalisering, men en social bekymring: ledighed og mistrivsel. Henvist til Jobcenteret.',
      referredUnitId: unitOf('jobcenter'),
      passedOn: 'Kontaktoplysninger og et resumé af bekymringen, med borgerens samtykke.',
      classification: { subjectKind: 'person', authorityArea: 'inside' },
    });
  }

  // 6. Decided: handed to the police.
  const sixth = await record(hotline, '6', {
    source: 'national_hotline',
    channel: 'hotline',
    reporter: { anonymous: true },
    receivedAt: ago(12),
    observation:
      'Via den nationale hotline: Ali har på et lukket forum skrevet, at han har skaffet et våben og kender adressen på en navngiven person.',
    subjectKind: 'person',
    persons: [person('Ali Demo', 'Sørensen', '1996-04-27')],
    signs: [{ code: 'weapons_access' }, { code: 'threats_pressure' }],
    immediateDanger: true,
  });
  if (sixth) {
    await triageAs(tovholder, sixth, 'high');
    await decideAs(tovholder, sixth, {
      outcome: 'police',
      reason:
        'Mulig trussel mod en navngiven person og adgang til våben: sagen hører under politiet.',
      policeHandedAt: ago(11),
      policeRecipient: 'Demo Politikreds, vagtchefen',
      municipalityKeeps: 'Henvendelsen og afgørelsen; kommunen tilbyder støtte til familien.',
      classification: { subjectKind: 'person', environment: 'online', authorityArea: 'outside' },
    });
  }

  // 7. Decided: radicalisation concern, assessed by the forum; the decision opened a case.
  const seventh = await record(tovholder, '7', {
    source: 'police',
    channel: 'email',
    reporter: { name: 'Demo Politikreds, forebyggelse', contact: null },
    receivedAt: ago(8),
    observation:
      'Lukas er set til møder i en højreekstremistisk gruppe og bærer deres symboler. Faderen har selv kontaktet politiet.',
    subjectKind: 'persons',
    persons: [
      person('Lukas Demo', 'Holm', '2008-01-15'),
      { ...person('Peter Demo', 'Holm', '1975-07-30'), relationToFirst: 'parent' },
    ],
    signs: [
      { code: 'extremist_contacts' },
      { code: 'extremist_events' },
      { code: 'totalitarian_symbols' },
    ],
  });
  if (seventh) {
    await triageAs(tovholder, seventh, 'high');
    await assignForum(seventh);
    await contribute(
      forumMember,
      seventh,
      'Skolen oplyser stigende fravær og konflikter med klassekammerater om politik.',
    );
    await decideAs(tovholder, seventh, {
      outcome: 'radicalisation',
      reason:
        'Kontakt til et ekstremistisk miljø, deltagelse i møder og symboler: radikaliseringsbekymring. Sag oprettet; forummet følger op.',
      classification: {
        subjectKind: 'persons',
        extremismForm: 'right_wing',
        authorityArea: 'inside',
        primaryConcern: true,
        environment: 'both',
      },
    });
  }

  // 8. Received: the hotline registers Karim anew (it may not see him); his CPR number is known
  // on S-2026-0001, so demo.tovholder is told and can merge the two registrations.
  await record(hotline, '8', {
    source: 'social_worker',
    channel: 'email',
    reporter: { name: 'Sagsbehandler Demo Holm, Jobcentret', contact: null },
    receivedAt: ago(1),
    observation: 'Karim har til et møde delt materiale fra en gruppe, der opfordrer til vold.',
    subjectKind: 'person',
    persons: [{ new: { givenName: 'Karim Demo', familyName: 'Nielsen', cpr: '170978-0000' } }],
    signs: [{ code: 'extremist_media' }],
  });

  // Demo persons and cases are marked as such, like the rest of the demo data.
  await db
    .updateTable('persons')
    .set({ is_demo: true })
    .where('is_demo', '=', false)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('inquiry_persons as ip')
        .innerJoin('inquiries as i', 'i.id', 'ip.inquiry_id')
        .select('ip.person_id')
        .where('i.municipality_code', '=', DEMO_MUNICIPALITY_CODE),
    )
    .execute();
  await db
    .updateTable('cases')
    .set({ is_demo: true })
    .where('is_demo', '=', false)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('inquiries')
        .select('case_id')
        .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
        .where('case_id', 'is not', null),
    )
    .execute();
}
