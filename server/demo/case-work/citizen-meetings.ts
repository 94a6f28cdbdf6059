import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { RISK_ITEMS } from '../../../shared/citizen-meetings.ts';
import type { DB } from '../../platform/db/schema.ts';
import {
  ago,
  dayAgo,
  demoContext,
  event,
  hasMarker,
  insertDemoCitizenCase,
  setMarker,
} from './context.ts';

/**
 * Meeting the citizen in Demo Kommune (issue 15 parts 1–4), all fictional: Nadia Demo, 19, has
 * refused contact three times (phone, text, a letter); the fourth try goes through her aunt as
 * bridge-builder and she agrees to meet. A first meeting is prepared with a colleague check and
 * the risk check, held at the library with agreements and a lifeline, and reflected on by the
 * team. Added once, also to older demo installations (its own marker).
 */
const MARKER = 'demo_citizen_meetings_seeded_at';
const COORDINATOR = 'demo.tovholder';
const FORUM = 'demo.forum';
const CASEWORKER = 'demo.sagsbehandler';

const ATTEMPTS = [
  {
    daysAgo: 30,
    channel: 'phone',
    outcome: 'refused',
    by: CASEWORKER,
    bridge: null,
    note: 'Hun sagde kort, at hun ikke vil tale med kommunen, og lagde på.',
    next: 'Skriv en sms i stedet – mindre påtrængende.',
  },
  {
    daysAgo: 26,
    channel: 'text',
    outcome: 'refused',
    by: CASEWORKER,
    bridge: null,
    note: 'Svarede "lad mig være".',
    next: 'Send et brev med tilbud om et møde, hvor hun vælger stedet.',
  },
  {
    daysAgo: 21,
    channel: 'letter',
    outcome: 'no_answer',
    by: COORDINATOR,
    bridge: null,
    note: 'Intet svar på brevet.',
    next: 'Spørg hendes moster, som hun har tillid til, om hun vil bygge bro.',
  },
  {
    daysAgo: 14,
    channel: 'bridge_builder',
    outcome: 'agreed_to_meet',
    by: COORDINATOR,
    bridge: 'Hendes moster',
    note: 'Mosteren talte med hende; Nadia vil mødes på biblioteket, hvis mosteren må være med det første kvarter.',
    next: null,
  },
] as const;

export async function seedDemoCitizenMeetings(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411949)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, [COORDINATOR, FORUM, CASEWORKER]);
    if (!c) return;
    const { caseId } = await insertDemoCitizenCase(
      c,
      { given: 'Nadia Demo', family: 'Holt', birth: '2007-05-14' },
      {
        status: 'active',
        opened_at: ago(now, 40),
        extremism_form: 'militant_islamism',
        concern_summary:
          'Fiktiv demosag: skolen er bekymret for, at hun er trukket ind i et lukket miljø omkring sin kæreste.',
        work_summary: 'Kontakt til borgeren gennem netværket; første samtale holdt.',
        concern_level: 'moderate',
      },
      [
        [COORDINATOR, 'coordinator'],
        [FORUM, 'forum'],
      ],
    );
    await trx
      .insertInto('case_members')
      .values({ case_id: caseId, user_id: c.user(CASEWORKER).id, role: 'member' })
      .execute();

    for (const [i, a] of ATTEMPTS.entries()) {
      const nextBy = a.next ? c.user(i === 2 ? COORDINATOR : CASEWORKER).id : null;
      await trx
        .insertInto('citizen_contact_attempts')
        .values({
          id: randomUUID(),
          case_id: caseId,
          attempted_on: dayAgo(now, a.daysAgo),
          channel: a.channel,
          tried_by: c.user(a.by).id,
          bridge_builder: a.bridge,
          outcome: a.outcome,
          note: a.note,
          next_step: a.next,
          next_on: a.next ? dayAgo(now, a.daysAgo - 3) : null,
          next_by: nextBy,
          recorded_by: c.user(a.by).id,
          recorded_at: ago(now, a.daysAgo),
        })
        .execute();
      await event(c, caseId, a.daysAgo, a.by, 'contact_attempt_recorded', {
        contactChannel: { from: null, to: a.channel },
        contactOutcome: { from: null, to: a.outcome },
        attemptedOn: { from: null, to: dayAgo(now, a.daysAgo) },
      });
    }

    const riskCheck = Object.fromEntries(
      RISK_ITEMS.map((item) => [
        item,
        item === 'others_present'
          ? { answer: 'yes', note: 'Mosteren er med det første kvarter; kæresten kan dukke op.' }
          : item === 'known_violence'
            ? { answer: 'unknown', note: 'Intet kendt hos politiet; skolen kender ikke til vold.' }
            : item === 'someone_knows'
              ? { answer: 'yes', note: 'Anne (tovholder) ved, hvor vi er, og ringer kl. 15.' }
              : // The place is safe and there is a way out; no weapons are known.
                { answer: item === 'weapons' ? 'no' : 'yes', note: null },
      ]),
    );
    await trx
      .insertInto('citizen_meetings')
      .values({
        id: randomUUID(),
        case_id: caseId,
        version: 3,
        planned_on: dayAgo(now, 7),
        purpose: 'clarify_concern',
        expected_outcome:
          'At Nadia fortæller, hvordan hun selv ser sin situation, og at vi aftaler et møde mere.',
        agenda:
          'Præsentation og rammer · Hvordan går det med skolen? · Hvad er vigtigt for hende lige nu? · Aftaler og livline.',
        place: 'Hovedbiblioteket, grupperum 2',
        place_reason:
          'Et neutralt sted, hun selv kommer på; ikke rådhuset, som hun forbinder med kontrol.',
        roles: 'Sagsbehandler fører samtalen; tovholder noterer og holder øje med tiden.',
        colleague_check_by: c.user(FORUM).id,
        colleague_check_outcome:
          'Vi havde antaget, at kæresten styrer hende. Det ved vi ikke – vi spørger åbent til hendes eget blik på forholdet.',
        communication_approach:
          'Åben og nysgerrig, ingen konfrontation om bekymringen det første møde; tal om skole og fremtid.',
        risk_check: JSON.stringify(riskCheck),
        risk_conclusion:
          'Lav risiko ved mødet. Vi er to, i et offentligt rum, og en kollega ved, hvor vi er.',
        precautions: 'Vi er to. Sid ved døren. Afbryd, hvis kæresten kommer, og aftal et nyt møde.',
        prepared_by: c.user(COORDINATOR).id,
        held_on: dayAgo(now, 7),
        citizen_perspective:
          '"Alle tror, at han bestemmer over mig. Det gør han ikke. Jeg vil bare have ro til at tage min eksamen."',
        stage_of_change: 'contemplation',
        summary:
          'Vi talte om skolen, om eksamen til sommer og om, hvad der giver hende ro. Hun fortalte om sin familie og sin moster.',
        agreements:
          'Nadia mødes med os igen om to uger. Vi spørger skolen om ekstra hjælp op til eksamen – kun hvis hun siger ja. Hun må tage sin moster med.',
        rights_told: ['voluntary', 'access_to_file', 'companion'],
        lifeline_who: 'Dennis, sagsbehandler i Demo Kommune',
        lifeline_phone: '33 66 00 00',
        lifeline_email: 'dennis.demo@demo-kommune.example',
        lifeline_when: 'Hverdage kl. 9–15',
        next_meeting_on: dayAgo(now, -7),
        held_recorded_by: c.user(COORDINATOR).id,
        reflection_worked:
          'Biblioteket og mosteren i starten. At vi ikke talte om bekymringen direkte.',
        reflection_change: 'Kortere møde; hun blev træt efter 40 minutter.',
        reflection_motivation: 'Motiveret for eksamen og ro; ikke for at tale om kæresten endnu.',
        reflection_resistance: 'Kæresten vil ikke have, at hun taler med kommunen.',
        reflected_by: c.user(FORUM).id,
        reflected_at: ago(now, 6),
        created_at: ago(now, 12),
        updated_at: ago(now, 6),
      })
      .execute();
    await event(c, caseId, 12, COORDINATOR, 'citizen_meeting_prepared', {
      meetingPurpose: { from: null, to: 'clarify_concern' },
      plannedOn: { from: null, to: dayAgo(now, 7) },
    });
    await event(c, caseId, 7, COORDINATOR, 'citizen_meeting_held', {
      heldOn: { from: null, to: dayAgo(now, 7) },
      nextMeetingOn: { from: null, to: dayAgo(now, -7) },
    });
    // The reflection is the team's with the compartment: its event is a compartment event.
    await trx
      .insertInto('case_events')
      .values({
        case_id: caseId,
        occurred_at: ago(now, 6),
        actor_user_id: c.user(FORUM).id,
        kind: 'citizen_meeting_reflected',
        changes: '{}',
        compartment: true,
      })
      .execute();
    await setMarker(trx, MARKER, now);
  });
}
