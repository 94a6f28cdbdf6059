import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../server/access/passwords.ts';
import { DEMO_MUNICIPALITY_CODE } from '../../server/demo/seed.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/demo/users.ts';
import { encryptField } from '../../server/platform/crypto.ts';
import type { DB } from '../../server/platform/db/schema.ts';
import type { TestSmtpServer } from '../../server/test/smtp.ts';
import type { Journey } from './browser.ts';
import { danishDaysAgo, isoDaysAgo } from './copenhagen.ts';
import type { Tab } from './session.ts';

/**
 * What the steps of the release journey (e2e/release.e2e.ts) share: the story's state as one
 * step hands it to the next, the fictional young man, the partners and the words the steps look
 * for. The steps are in release-steps-*.ts, by phase. Names are fictional and say "Demo".
 *
 * Set up in the database before the server starts (what issue 13 does not name): the young man
 * and his case (opened from an inquiry earlier, as the inquiry journeys show), the case's plan for
 * the release with three goals, the demo's jobcenter among the municipality's partners (added when
 * missing), and a partner user at Kriminalforsorgen who logs in like the demo users (demo password
 * and demo TOTP secret; the server is started with a known secret key, so the TOTP secret can be
 * written encrypted here). The jobcenter's consultant is new: invited by e-mail in the browser.
 */
export class ReleaseStory {
  /** Set before the first step (beforeAll). */
  journey!: Journey;
  /** The coordinator, logged in once (a TOTP code works only once per 30 s per user). */
  coordinator!: Tab;
  /** The e-mail server the invitations go to (the jobcenter's consultant is a new partner). */
  smtp!: TestSmtpServer;
  /** The partner at Kriminalforsorgen and the one at the jobcenter. */
  ksp!: Tab;
  jobcenter!: Tab;
  /** The consultant's username and recovery codes, as her activation showed them. */
  jobcenterUsername = '';
  jobcenterRecoveryCodes: string[] = [];
  caseReference = RELEASE.reference;
  caseId = '';
  personId = '';
}

/** The server's secret key in this journey (base64 of 32 bytes; a test key, never a real one). */
export const RELEASE_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

/** ddmmyy-xxxx from an ISO date (a seventh digit of 4: born 2000–2036). */
const cprOf = (iso: string, lastFour: string) =>
  `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}-${lastFour}`;

const BORN = isoDaysAgo(Math.round(19.4 * 365.25));

export const RELEASE = {
  reference: 'S-2026-0913',
  given: 'Mikkel Demo',
  family: 'Sørensen',
  born: BORN,
  cpr: cprOf(BORN, '4119'),
  openedDaysAgo: 120,
} as const;
export const CITIZEN = `${RELEASE.given} ${RELEASE.family}`;

export const KSP = {
  organisationId: '5e1f0a00-0000-4000-8000-000000000002',
  organisation: 'Kriminalforsorgen Demo Fængsel',
  username: 'demo.ksp-release',
  name: 'Karsten Demo-Fængselsbetjent',
  purpose:
    'Fælles plan for løsladelsen i KSP-samarbejdet de sidste seks måneder af straffen – ikke efterforskning',
} as const;
export const JOBCENTER = {
  organisationId: '5e1f0a00-0000-4000-8000-0000000009a1',
  organisation: 'Demo Jobcenter',
  name: 'Jonna Demo-Jobkonsulent',
  email: 'jonna@demo-jobcenter.example',
  /** The password she chooses when she activates her account from the invitation e-mail. */
  password: 'Udslusning-til-job-2026!',
  purpose: 'Jobcentret hjælper Mikkel i job eller uddannelse efter løsladelsen',
} as const;

/** The plan's goals: the first two concern Kriminalforsorgen, the third the jobcenter. */
export const GOALS = {
  housing: 'Bolig klar på løsladelsesdagen',
  network: 'Kontakt til en mentor uden for miljøet inden løsladelsen',
  job: 'I job eller uddannelse senest tre måneder efter løsladelsen',
} as const;

/** Staff names the citizen's package must never show (C-579/21). */
export const EMPLOYEES = [
  'Anne Demo-Tovholder',
  'Bo Demo-Koordinator',
  'Ida Demo-DPO',
  'Lone Demo-Jurist',
  KSP.name,
  JOBCENTER.name,
];

/** The end of the sentence: about six months ahead, as the forms take it. */
export const SENTENCE_ENDS = danishDaysAgo(-182);
export const CONSENT_ENDS = danishDaysAgo(-365);

async function partnerUser(
  db: Kysely<DB>,
  who: { username: string; name: string; organisationId: string },
  passwordHash: string,
) {
  const user = await db
    .insertInto('users')
    .values({
      username: who.username,
      display_name: who.name,
      email: `${who.username}@partner.example`,
      roles: ['partner'],
      municipality_code: DEMO_MUNICIPALITY_CODE,
      password_hash: passwordHash,
      password_changed_at: sql<Date>`now()`,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('users')
    .set({
      totp_secret_enc: encryptField(
        Buffer.from(RELEASE_SECRET_KEY, 'base64'),
        DEMO_TOTP_SECRET,
        `totp:${user.id}`,
      ),
      totp_enabled_at: sql<Date>`now()`,
    })
    .where('id', '=', user.id)
    .execute();
  await db
    .insertInto('partner_users')
    .values({
      user_id: user.id,
      municipality_code: DEMO_MUNICIPALITY_CODE,
      organisation_id: who.organisationId,
    })
    .execute();
}

/** The journey's world, written before the server starts (see the class comment). */
export async function prepareRelease(
  db: Kysely<DB>,
): Promise<{ caseId: string; personId: string }> {
  // The demo's jobcenter (added with the demo's consents), or one of our own when it is missing.
  await db
    .insertInto('partner_organisations')
    .values({
      id: JOBCENTER.organisationId,
      municipality_code: DEMO_MUNICIPALITY_CODE,
      name: JOBCENTER.organisation,
      kind: 'jobcenter',
      contact_email: 'job@demo-jobcenter.example',
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await partnerUser(db, KSP, passwordHash);

  const coordinator = await db
    .selectFrom('users')
    .leftJoin('user_units', 'user_units.user_id', 'users.id')
    .select(['users.id', 'user_units.unit_id'])
    .where('users.username', '=', 'demo.tovholder')
    .executeTakeFirstOrThrow();
  const person = await db
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: RELEASE.given,
      family_name: RELEASE.family,
      birth_date: RELEASE.born,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const opened = new Date(Date.now() - RELEASE.openedDaysAgo * 86_400_000);
  const created = await db
    .insertInto('cases')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      reference: RELEASE.reference,
      opened_at: opened,
      created_at: opened,
      updated_at: opened,
      extremism_form: 'militant_islamism',
      concern_summary:
        'Mikkel (19) afsoner en dom for vold; Kriminalforsorgen ser, at han er blevet radikaliseret i fængslet.',
      work_summary: 'Fælles plan for løsladelsen med Kriminalforsorgen; job eller uddannelse.',
      age_group: 'adult',
      authority_area: 'inside',
      primary_concern: true,
      subject_kind: 'person',
      environment: 'physical',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_persons')
    .values({ case_id: created.id, person_id: person.id, role: 'citizen' })
    .execute();
  await db
    .insertInto('case_members')
    .values({
      case_id: created.id,
      user_id: coordinator.id,
      role: 'coordinator',
      unit_id: coordinator.unit_id,
      added_at: opened,
    })
    .execute();
  await db
    .insertInto('case_events')
    .values({
      case_id: created.id,
      occurred_at: opened,
      actor_user_id: coordinator.id,
      kind: 'opened',
    })
    .execute();
  await db
    .insertInto('case_plans')
    .values({
      case_id: created.id,
      number: 1,
      status: 'approved',
      goals: JSON.stringify(
        Object.values(GOALS).map((text) => ({
          key: randomUUID(),
          parentKey: null,
          text,
          responsible: { userId: null, name: 'Tovholder' },
          targetDate: isoDaysAgo(-182),
          status: 'in_progress',
        })),
      ),
      created_by: coordinator.id,
    })
    .execute();
  return { caseId: created.id, personId: person.id };
}

/** A PATCH through the API with the page's session (its cookies and CSRF token). */
export async function apiPatch(journey: Journey, page: Page, path: string, data: unknown) {
  const session = await page.request.get(journey.url('/api/session'));
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.patch(journey.url(path), {
    data,
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!response.ok())
    throw new Error(`PATCH ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as unknown;
}
