import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { localTime } from '../modules/inquiries/deadline.ts';
import { getSettings } from '../modules/inquiries/settings.ts';
import { demoForum, demoInquirySteps, demoUsers, syncCounters } from './inquiries-setup.ts';
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
 * - H-8 received: the hotline registers a known person anew (the possible-duplicate notice);
 * - H-10 decided on paper two weeks ago and registered now: a back-dated decision (issue 12).
 * Deadlines are counted from "received" a few hours ago, so the open ones are at least 23 hours
 * away at seed time: the deadline job sends no reminder during a demo start. Every name says Demo.
 */
const HOUR = 3_600_000;

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

  const steps = demoInquirySteps(db, keys, settings);
  const record = steps.record;
  const triageAs = steps.triage;
  const assignForum = (id: string) => steps.assignForum(tovholder, id, forumId);
  const contribute = steps.contribute;
  const decideAs = steps.decide;

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

  // 9. Received: a school's letter found in the paper mail twelve days late (issue 12). It was
  // received long before it was registered: the clock counts from the registration, and the inbox
  // says "modtaget 12 dage før den blev registreret" instead of an overdue count.
  await record(tovholder, '9', {
    source: 'teacher',
    channel: 'letter',
    reporter: { name: 'Skoleleder Demo Bach', contact: null },
    receivedAt: ago(12 * 24),
    backdateReason: 'moved_from_paper',
    observation:
      'Eleven har i flere uger talt om en "kommende kamp" og tegnet symboler fra en voldelig bevægelse.',
    subjectKind: 'person',
    persons: [person('Sofie Demo', 'Bach', '2011-02-14')],
    signs: [{ code: 'totalitarian_symbols' }],
  });

  // 10. Decided on paper (issue 12): a youth club's concern, received three weeks ago and
  // referred at the forum's meeting two weeks ago, registered only now. The decision keeps the
  // day it was taken and says why it is recorded late ("(registreret …, flyttet fra papir)").
  const tenth = await record(tovholder, '10', {
    source: 'other',
    sourceOther: 'Ungdomsklubben Demo',
    channel: 'letter',
    reporter: { name: 'Klubleder Demo Friis', contact: null },
    receivedAt: ago(21 * 24),
    backdateReason: 'moved_from_paper',
    observation:
      'Mads er blevet stille og isoleret og taler om, at "ingen hjælper folk som os". Ingen tegn på ekstremistiske miljøer.',
    subjectKind: 'person',
    persons: [person('Mads Demo', 'Friis', '2009-09-03')],
    signs: [{ code: 'injustice_narratives' }],
  });
  if (tenth) {
    await triageAs(tovholder, tenth, 'low');
    await decideAs(tovholder, tenth, {
      outcome: 'other_concern',
      reason:
        'Mistrivsel, ikke radikalisering. Besluttet på forummets møde og henvist til Børne- og Ungeenheden.',
      referredUnitId: unitOf('children_youth'),
      passedOn: 'Klubbens beskrivelse og kontaktoplysninger, med forældrenes samtykke.',
      classification: { subjectKind: 'person', authorityArea: 'inside' },
      decidedOn: new Date(Date.now() - 14 * 24 * HOUR).toISOString().slice(0, 10),
      backdateReason: 'moved_from_paper',
    });
  }

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
