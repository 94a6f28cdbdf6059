import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { demoLogo } from '../demo/logo.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { badQueryTests, queryReport } from '../test/bad-query.ts';
import { versionOf } from '../test/case-workbench.ts';
import { createForum, createInquiryRow, createPoliceContact, createUnit } from '../test/records.ts';
import {
  TEST_PASSWORD,
  cookieFrom,
  createUser,
  login,
  type LoggedIn,
  type TestUser,
} from '../test/users.ts';

/**
 * Generated bad input (issue 10) for everything outside records: signing in (password, second
 * factors, passkeys), users and units, the municipality's settings, forums and the interventions
 * catalogue — and any write route no other adversarial file claims. A municipal administrator
 * calls, except where a route needs a session in another state (half logged in, a session of its
 * own to end). Failed sign-ins are audited by design, so those routes leave the audit log out of
 * the "nothing stored" comparison.
 */
/** A password check costs an Argon2 hash: fewer drawn requests for the sign-in routes. */
const SIGN_IN = 8;
const AUDIT = ['audit_log', 'audit_chain_heads'];

let t: TestApp;
let run: BadInputRun;
let admin: LoggedIn;
let target: TestUser;
let pending: LoggedIn;
let enrolling: LoggedIn;
let own: LoggedIn;
let leaving: LoggedIn;
let dpo: LoggedIn;
let unitId = '';
let forumId = '';
let typeId = '';
let partnerId = '';
let police: LoggedIn;
let handedInquiryId = '';
const queries = { count: 0, fivexx: 0, unnamed400: 0 };

/** A session after the password step only (the second factor not given yet). */
async function halfLoggedIn(user: TestUser): Promise<LoggedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login: ${res.body}`);
  return { cookie: cookieFrom(res), csrf: (res.json() as { csrfToken: string }).csrfToken };
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  admin = await login(t.app, await createUser(db, { roles: ['municipal_admin'] }));
  target = await createUser(db, { roles: ['coordinator'] });
  pending = await halfLoggedIn(await createUser(db, { roles: ['caseworker'] }));
  enrolling = await halfLoggedIn(await createUser(db, { roles: ['caseworker'], enrolled: false }));
  own = await login(t.app, await createUser(db, { roles: ['caseworker'] }));
  leaving = await login(t.app, await createUser(db, { roles: ['caseworker'] }));
  dpo = await login(t.app, await createUser(db, { roles: ['data_protection'] }));
  unitId = (await createUnit(db)).id;
  forumId = (await createForum(db, { members: [target.id] })).id;
  typeId = (
    await db
      .insertInto('intervention_types')
      .values({
        municipality_code: '101',
        code: 'mentor_lab',
        name: 'Mentorforløb',
        level: 'anticipating',
        age_group: 'all',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  partnerId = (
    await db
      .insertInto('partner_organisations')
      .values({ municipality_code: '101', name: 'Psykiatrisk Center Syd', kind: 'psychiatry' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // An inquiry handed to the police, and a police contact of the district (issue 14 part 8).
  police = await login(t.app, await createPoliceContact(db, 11));
  handedInquiryId = (await createInquiryRow(db, { createdBy: target.id, status: 'decided' })).id;
  await db
    .insertInto('inquiry_decisions')
    .values({
      inquiry_id: handedInquiryId,
      outcome: 'police',
      reason: 'Overdraget til politiet.',
      police_handed_at: new Date(),
      age_group: 'adult',
      subject_kind: 'person',
      status: 'final',
      decided_by: target.id,
    })
    .execute();
  run = new BadInputRun(t, admin);
});
afterAll(async () => {
  printCounts(run.report(`sign-in and administration (${testEngine})`));
  printCounts(queryReport(`administration and reference data (${testEngine})`, queries));
  await t.close();
});

const b64 = 'AAAAAAAAAAAAAAAAAAAAAA';
const assertion = () => ({
  id: b64,
  rawId: b64,
  type: 'public-key',
  response: { clientDataJSON: b64, authenticatorData: b64, signature: b64 },
  clientExtensionResults: {},
});

const version = (table: string, id: string) => versionOf(t.database.db, table, id);
const provisionVersion = async () =>
  (
    await t.database.db
      .selectFrom('legal_provisions')
      .select('version')
      .where('municipality_code', '=', '101')
      .where('key', '=', 'immediate_help')
      .executeTakeFirst()
  )?.version ?? 0;
const basisVersion = async () =>
  (
    await t.database.db
      .selectFrom('legal_bases')
      .select('version')
      .where('municipality_code', '=', '101')
      .where('key', '=', 'value_leap')
      .executeTakeFirst()
  )?.version ?? 0;
const partnerFields = {
  name: 'Mentorhuset ApS',
  kind: 'private_provider',
  cvr: '12345678',
  ean: null,
  contactEmail: 'kontakt@mentorhuset.example',
  dataProcessor: true,
  processorAgreementRef: 'DBA-2026-01',
  processorAgreementDate: '2026-01-15',
};
const settingsVersion = async () =>
  (
    await t.database.db
      .selectFrom('municipality_settings')
      .select('version')
      .where('municipality_code', '=', '101')
      .executeTakeFirst()
  )?.version ?? 0;

const logoVersion = async () =>
  (
    await t.database.db
      .selectFrom('municipality_logos')
      .select('version')
      .where('municipality_code', '=', '101')
      .executeTakeFirst()
  )?.version ?? 0;

/** In this order: ending a session goes last. */
const fixtures: Record<string, () => Fixture> = {
  'POST /api/auth/login': () => ({
    as: null,
    count: SIGN_IN,
    rejectionWrites: AUDIT,
    body: () => ({ username: 'ukendt.bruger', password: 'forkert-kodeord-til-test' }),
  }),
  'POST /api/auth/totp': () => ({
    as: pending,
    count: SIGN_IN,
    rejectionWrites: AUDIT,
    body: () => ({ code: '000000' }),
  }),
  'POST /api/auth/recovery-code': () => ({
    as: pending,
    count: SIGN_IN,
    rejectionWrites: AUDIT,
    body: () => ({ code: 'ABCD-EFGH-JKLM' }),
  }),
  'POST /api/auth/totp-enrolment': () => ({ as: enrolling }),
  'POST /api/auth/totp-enrolment/confirm': () => ({
    as: enrolling,
    rejectionWrites: AUDIT,
    body: () => ({ code: '000000' }),
  }),
  'POST /api/auth/webauthn/options': () => ({ as: pending }),
  'POST /api/auth/webauthn': () => ({ as: pending, rejectionWrites: AUDIT, body: assertion }),
  'POST /api/auth/webauthn/credentials': () => ({
    as: own,
    body: () => ({
      nickname: 'Nøgle',
      credential: { ...assertion(), response: { clientDataJSON: b64, attestationObject: b64 } },
    }),
  }),
  'POST /api/auth/webauthn/registration-options': () => ({
    as: own,
    rejectionWrites: AUDIT,
    body: () => ({ code: '000000' }),
  }),
  'DELETE /api/auth/webauthn/credentials/{id}': () => ({ as: own }),
  'POST /api/disclosures/search': () => ({
    as: dpo,
    body: () => ({ recipient: 'Skole', from: '2026-01-01', to: '2026-12-01' }),
  }),
  'POST /api/disclosures/citizen-trail': () => ({
    as: dpo,
    body: () => ({ cpr: '010190-1234', kind: 'all', from: '2026-01-01', to: '2026-12-01' }),
  }),
  'POST /api/admin/users': () => ({
    body: () => ({
      username: 'ny.medarbejder',
      displayName: 'Ny Medarbejder',
      roles: ['caseworker'],
      unitIds: [unitId],
      password: `${TEST_PASSWORD}-ny`,
      email: 'ny@example.dk',
    }),
  }),
  'PATCH /api/admin/users/{id}': () => ({
    params: { id: target.id },
    body: async () => ({
      version: await version('users', target.id),
      displayName: 'Anden Koordinator',
      email: null,
      roles: ['coordinator'],
      unitIds: [unitId],
    }),
  }),
  'POST /api/admin/users/{id}/disable': () => ({ params: { id: target.id } }),
  'POST /api/admin/users/{id}/enable': () => ({ params: { id: target.id } }),
  'POST /api/admin/users/{id}/reset-second-factor': () => ({ params: { id: target.id } }),
  'POST /api/admin/units': () => ({ body: () => ({ name: 'Ungeenheden', kind: 'ssp' }) }),
  'PATCH /api/admin/units/{id}': () => ({
    params: { id: unitId },
    body: async () => ({ version: await version('units', unitId), name: 'SSP Nord' }),
  }),
  'PATCH /api/municipality-settings': () => ({
    body: async () => ({
      version: await settingsVersion(),
      deadlineHours: { high: 24, medium: 72, low: 168 },
      fourEyes: false,
      reminderHours: 4,
    }),
  }),
  'PUT /api/municipality-settings/organisation-model': () => ({
    body: async () => ({ version: await settingsVersion(), model: 3 }),
  }),
  'POST /api/police-feedback/{inquiryId}': () => ({
    as: police,
    params: { inquiryId: handedInquiryId },
    body: () => ({ id: randomUUID(), kind: 'other', note: 'Politiet overtager sagen.' }),
  }),
  'PUT /api/municipality-settings/logo': () => ({
    body: async () => ({ version: await logoVersion(), image: demoLogo().toString('base64') }),
  }),
  'PUT /api/legal-provisions/{key}': () => ({
    params: { key: 'immediate_help' },
    body: async () => ({
      version: await provisionVersion(),
      nameDa: 'Vurdering af, om barnet har brug for akut hjælp',
      nameEn: 'Assessment of whether the child needs immediate help',
      law: 'Barnets lov',
      section: '§ 138',
      validFrom: '2024-01-01',
      validTo: null,
      deadlineHours: 24,
      deadlineWorkdays: null,
      confirmed: true,
    }),
  }),
  'PUT /api/legal-bases/{key}': () => ({
    params: { key: 'value_leap' },
    body: async () => ({
      version: await basisVersion(),
      nameDa: 'Værdispringsreglen',
      nameEn: 'The value-leap rule',
      law: 'Databeskyttelsesloven',
      section: '§ 8',
      allowsDa: 'Én konkret videregivelse.',
      allowsEn: 'One concrete disclosure.',
      validFrom: '2018-05-25',
      validTo: null,
      organisationKinds: ['police', 'school'],
      uses: ['single_disclosure'],
      requiresConsent: false,
      confirmed: true,
    }),
  }),
  'POST /api/partner-organisations': () => ({
    body: () => ({ id: randomUUID(), ...partnerFields }),
  }),
  'PUT /api/partner-organisations/{id}': () => ({
    params: { id: partnerId },
    body: async () => ({
      version: await version('partner_organisations', partnerId),
      ...partnerFields,
      name: 'Psykiatrisk Center Syd og Vest',
      kind: 'psychiatry',
    }),
  }),
  'POST /api/partner-organisations/{id}/deactivate': () => ({
    params: { id: partnerId },
    body: async () => ({ version: await version('partner_organisations', partnerId) }),
  }),
  'POST /api/partner-organisations/{id}/activate': () => ({
    params: { id: partnerId },
    body: async () => ({ version: await version('partner_organisations', partnerId) }),
  }),
  'POST /api/forums': () => ({
    body: () => ({ name: 'SSP-forum Nord', kind: 'forum', cadence: 'monthly' }),
  }),
  'PATCH /api/forums/{id}': () => ({
    params: { id: forumId },
    body: async () => ({
      version: await version('forums', forumId),
      name: 'SSP-forum',
      kind: 'steering_group',
      cadence: 'quarterly',
      archived: false,
    }),
  }),
  'POST /api/forums/{id}/members': () => ({
    params: { id: forumId },
    body: () => ({ userId: target.id }),
  }),
  'DELETE /api/forums/{id}/members/{userId}': () => ({
    params: { id: forumId, userId: target.id },
  }),
  'POST /api/intervention-types': () => ({
    body: () => ({
      code: 'familiesamtaler',
      name: 'Familiesamtaler',
      description: 'Samtaler med hele familien.',
      level: 'anticipating',
      ageGroup: 'all',
      legalBasis: 'Serviceloven § 11',
      consentRequired: false,
      responsibleUnitId: unitId,
      tailored: false,
    }),
  }),
  'PATCH /api/intervention-types/{id}': () => ({
    params: { id: typeId },
    body: async () => ({
      version: await version('intervention_types', typeId),
      name: 'Mentorforløb for unge',
      active: true,
    }),
  }),
  'POST /api/intervention-types/load-standard': () => ({ body: () => ({}) }),
  'POST /api/auth/logout': () => ({ as: leaving }),
};

describe(`generated bad input: sign-in and administration (${testEngine})`, () => {
  badInputTests({ group: 'other', fixtures, perRoute: 16, context: () => ({ t, run }) });
  // Users, the audit trail, forums, the catalogue and the public reference lists.
  badQueryTests({
    policies: (policy) => !/^(records|inquiries)\.|^session$/.test(policy),
    context: () => ({ t, caller: admin, idFor: () => forumId }),
    sent: queries,
  });
});
