import { randomUUID } from 'node:crypto';
import type { IdProbe, ProbeRequest, ProbeWorld } from './record-ids.ts';
import type { Caller } from './access-matrix.ts';
import { createForum, createInquiryRow, createPoliceContact, createUnit } from './records.ts';
import { TEST_PASSWORD, login } from './users.ts';

/**
 * Record ids in the requests of administration, forums, the catalogue, notifications and security
 * keys: users, units, forums and catalogue entries of another municipality, and a colleague's
 * notification, security key or unit.
 */
type Build = (
  x: ProbeWorld,
) => Promise<Omit<ProbeRequest, 'caller'>> | Omit<ProbeRequest, 'caller'>;

/** A probe of `key` as the caller `who`, hiding the record `hidden` gives. */
function probe(
  key: string,
  who: (x: ProbeWorld) => ProbeRequest['caller'],
  hidden: (x: ProbeWorld) => Promise<string> | string,
  build: Build,
): IdProbe {
  return {
    key,
    setup: async (x) => ({
      hidden: await hidden(x),
      request: { caller: who(x), ...(await build(x)) },
    }),
  };
}

const admin = (x: ProbeWorld) => x.admin.caller;
const coordinator = (x: ProbeWorld) => x.members.coordinator.caller;
const otherUser = (x: ProbeWorld) => x.other.user.caller.userId ?? '';
const otherUnit = (x: ProbeWorld) => x.other.unitId;
const otherForum = (x: ProbeWorld) => x.other.forumId;
const version = (id: string) => ({ version: 1, displayName: `Navn ${id.slice(0, 4)}` });

/** A partner organisation of another municipality (147). */
async function otherPartner(x: ProbeWorld): Promise<string> {
  const row = await x.t.database.db
    .insertInto('partner_organisations')
    .values({
      municipality_code: '147',
      name: `Psykiatrien ${randomUUID().slice(0, 8)}`,
      kind: 'psychiatry',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
const partnerBody = {
  version: 1,
  name: 'Omdøbt partner',
  kind: 'psychiatry',
  dataProcessor: false,
};

/** A user of another municipality (the recorder of its inquiries). */
async function staffIn(x: ProbeWorld, municipality: string): Promise<string> {
  const row = await x.t.database.db
    .insertInto('users')
    .values({
      username: `probe.${randomUUID().slice(0, 8)}`,
      display_name: 'Probe Tovholder',
      roles: ['coordinator'],
      municipality_code: municipality,
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The admin's own municipality's user, to change. */
const colleagueId = (x: ProbeWorld) => x.colleague.caller.userId ?? '';

/** A police contact of district 11 (101's), made once per world. */
const policeOf = new WeakMap<ProbeWorld, Caller>();
async function policeContact(x: ProbeWorld): Promise<Caller> {
  const known = policeOf.get(x);
  if (known) return known;
  const user = await createPoliceContact(x.t.database.db, 11);
  const caller: Caller = {
    name: 'police_contact of district 11',
    state: 'authenticated',
    roles: ['police_contact'],
    userId: user.id,
    ...(await login(x.t.app, user)),
  };
  policeOf.set(x, caller);
  return caller;
}

/** An inquiry of `municipality` whose final decision handed it to the police. */
async function handedInquiry(x: ProbeWorld, municipality: string, createdBy: string) {
  const db = x.t.database.db;
  const inquiry = await createInquiryRow(db, {
    createdBy,
    municipalityCode: municipality,
    status: 'decided',
  });
  await db
    .insertInto('inquiry_decisions')
    .values({
      inquiry_id: inquiry.id,
      outcome: 'police',
      reason: 'Overdraget til politiet.',
      police_handed_at: new Date(),
      age_group: 'adult',
      subject_kind: 'person',
      status: 'final',
      decided_by: createdBy,
    })
    .execute();
  return inquiry.id;
}

export const PLATFORM_PROBES: IdProbe[] = [
  // The police's feedback (issue 14 part 8): an inquiry handed to another district's police
  // answers as a missing one; a feedback on another municipality's inquiry too.
  {
    key: 'POST /api/police-feedback/{inquiryId} path.inquiryId',
    setup: async (x) => {
      const caller = await policeContact(x);
      const other = await staffIn(x, '151');
      return {
        hidden: await handedInquiry(x, '151', other),
        request: {
          caller,
          method: 'POST',
          url: (id) => `/api/police-feedback/${id}`,
          body: () => ({ id: randomUUID(), kind: 'no_police_action' }),
        },
      };
    },
  },
  {
    key: 'POST /api/inquiries/{id}/police-feedback/{feedbackId}/read path.feedbackId',
    setup: async (x) => {
      const db = x.t.database.db;
      const caller = x.members.coordinator.caller;
      const own = await handedInquiry(x, '101', caller.userId ?? '');
      const otherUser = x.other.user.caller.userId ?? '';
      const foreign = await handedInquiry(x, '147', otherUser);
      const hidden = randomUUID();
      await db
        .insertInto('police_feedback')
        .values({
          id: hidden,
          inquiry_id: foreign,
          kind: 'other',
          note: 'Skjult',
          sent_by: otherUser,
        })
        .execute();
      return {
        hidden,
        request: {
          caller,
          method: 'POST',
          url: (id) => `/api/inquiries/${own}/police-feedback/${id}/read`,
          body: () => ({ version: 1 }),
        },
      };
    },
  },
  // The disclosure register: a person of another municipality answers as a missing one.
  probe(
    'POST /api/disclosures/search body.personId',
    (x) => x.dpo.caller,
    (x) => x.other.personId,
    () => ({
      method: 'POST',
      url: () => '/api/disclosures/search',
      body: (id) => ({ personId: id }),
    }),
  ),
  // The data-protection role's one view of a citizen: the same.
  probe(
    'POST /api/disclosures/citizen-trail body.personId',
    (x) => x.dpo.caller,
    (x) => x.other.personId,
    () => ({
      method: 'POST',
      url: () => '/api/disclosures/citizen-trail',
      body: (id) => ({ personId: id }),
    }),
  ),
  // Administration: another municipality's users and units answer as missing ones.
  probe('GET /api/admin/users query.unitId', admin, otherUnit, () => ({
    method: 'GET',
    url: (id) => `/api/admin/users?unitId=${id}`,
  })),
  probe('POST /api/admin/users body.unitIds.*', admin, otherUnit, () => {
    const username = `ny.bruger.${randomUUID().slice(0, 8)}`;
    return {
      method: 'POST',
      url: () => '/api/admin/users',
      body: (id) => ({
        username,
        displayName: 'Ny Bruger',
        roles: ['caseworker'],
        unitIds: [id],
        password: TEST_PASSWORD,
      }),
    };
  }),
  probe('PATCH /api/admin/users/{id} body.unitIds.*', admin, otherUnit, (x) => ({
    method: 'PATCH',
    url: () => `/api/admin/users/${colleagueId(x)}`,
    body: (id) => ({ version: 1, unitIds: [id] }),
  })),
  probe('GET /api/admin/users/{id} path.id', admin, otherUser, () => ({
    method: 'GET',
    url: (id) => `/api/admin/users/${id}`,
  })),
  probe('PATCH /api/admin/users/{id} path.id', admin, otherUser, () => ({
    method: 'PATCH',
    url: (id) => `/api/admin/users/${id}`,
    body: () => version('ffff'),
  })),
  ...(['disable', 'enable', 'reset-second-factor'] as const).map((action) =>
    probe(`POST /api/admin/users/{id}/${action} path.id`, admin, otherUser, () => ({
      method: 'POST',
      url: (id) => `/api/admin/users/${id}/${action}`,
    })),
  ),
  probe('PATCH /api/admin/units/{id} path.id', admin, otherUnit, () => ({
    method: 'PATCH',
    url: (id) => `/api/admin/units/${id}`,
    body: () => ({ version: 1, name: 'Omdøbt enhed' }),
  })),
  probe('GET /api/admin/audit query.actorUserId', admin, otherUser, () => ({
    method: 'GET',
    url: (id) => `/api/admin/audit?actorUserId=${id}`,
  })),
  probe(
    'GET /api/admin/audit query.subjectPersonId',
    admin,
    (x) => x.other.personId,
    () => ({
      method: 'GET',
      url: (id) => `/api/admin/audit?subjectPersonId=${id}`,
    }),
  ),

  // Partner organisations of another municipality answer as missing ones.
  probe('GET /api/partner-organisations/{id} path.id', admin, otherPartner, () => ({
    method: 'GET',
    url: (id) => `/api/partner-organisations/${id}`,
  })),
  probe('PUT /api/partner-organisations/{id} path.id', admin, otherPartner, () => ({
    method: 'PUT',
    url: (id) => `/api/partner-organisations/${id}`,
    body: () => partnerBody,
  })),
  ...(['deactivate', 'activate'] as const).map((action) =>
    probe(`POST /api/partner-organisations/{id}/${action} path.id`, admin, otherPartner, () => ({
      method: 'POST',
      url: (id) => `/api/partner-organisations/${id}/${action}`,
      body: () => ({ version: 1 }),
    })),
  ),

  // A colleague's security key and notification.
  probe(
    'DELETE /api/auth/webauthn/credentials/{id} path.id',
    coordinator,
    async (x) => {
      const row = await x.t.database.db
        .insertInto('webauthn_credentials')
        .values({
          user_id: colleagueId(x),
          credential_id: `cred${randomUUID().replaceAll('-', '')}`,
          public_key: 'pQECAyYgASFYIA',
          nickname: 'Kollegas nøgle',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    () => ({ method: 'DELETE', url: (id) => `/api/auth/webauthn/credentials/${id}` }),
  ),
  probe(
    'POST /api/notifications/{id}/read path.id',
    coordinator,
    async (x) => {
      const row = await x.t.database.db
        .insertInto('notifications')
        .values({ user_id: colleagueId(x), kind: 'case_member_added' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    () => ({ method: 'POST', url: (id) => `/api/notifications/${id}/read` }),
  ),

  // Forums of another municipality, and users of another municipality in one's own forum.
  probe('GET /api/forums/{id} path.id', coordinator, otherForum, () => ({
    method: 'GET',
    url: (id) => `/api/forums/${id}`,
  })),
  probe('PATCH /api/forums/{id} path.id', coordinator, otherForum, () => ({
    method: 'PATCH',
    url: (id) => `/api/forums/${id}`,
    body: () => ({ version: 1, name: 'Omdøbt forum' }),
  })),
  probe('GET /api/forums/{id}/candidates path.id', coordinator, otherForum, () => ({
    method: 'GET',
    url: (id) => `/api/forums/${id}/candidates`,
  })),
  probe('POST /api/forums/{id}/members path.id', coordinator, otherForum, (x) => ({
    method: 'POST',
    url: (id) => `/api/forums/${id}/members`,
    body: () => ({ userId: colleagueId(x) }),
  })),
  probe('POST /api/forums/{id}/members body.userId', coordinator, otherUser, async (x) => {
    const forum = await createForum(x.t.database.db);
    return {
      method: 'POST',
      url: () => `/api/forums/${forum.id}/members`,
      body: (id) => ({ userId: id }),
    };
  }),
  probe('DELETE /api/forums/{id}/members/{userId} path.id', coordinator, otherForum, (x) => ({
    method: 'DELETE',
    url: (id) => `/api/forums/${id}/members/${otherUser(x)}`,
  })),
  probe(
    'DELETE /api/forums/{id}/members/{userId} path.userId',
    coordinator,
    otherUser,
    async (x) => {
      const forum = await createForum(x.t.database.db, { members: [colleagueId(x)] });
      return { method: 'DELETE', url: (id) => `/api/forums/${forum.id}/members/${id}` };
    },
  ),

  // The catalogue: another municipality's entries and units.
  probe('POST /api/intervention-types body.responsibleUnitId', coordinator, otherUnit, () => ({
    method: 'POST',
    url: () => '/api/intervention-types',
    body: (id) => ({
      code: `ny_${randomUUID().slice(0, 8)}`,
      name: 'Nyt tilbud',
      level: 'building',
      ageGroup: 'all',
      responsibleUnitId: id,
    }),
  })),
  probe(
    'PATCH /api/intervention-types/{id} path.id',
    coordinator,
    (x) => x.other.typeId,
    () => ({
      method: 'PATCH',
      url: (id) => `/api/intervention-types/${id}`,
      body: () => ({ version: 1, name: 'Omdøbt tilbud' }),
    }),
  ),
  probe(
    'PATCH /api/intervention-types/{id} body.responsibleUnitId',
    coordinator,
    otherUnit,
    async (x) => {
      const unit = await createUnit(x.t.database.db);
      const row = await x.t.database.db
        .insertInto('intervention_types')
        .values({
          municipality_code: '101',
          code: `eget_${randomUUID().slice(0, 8)}`,
          name: 'Eget tilbud',
          level: 'building',
          age_group: 'all',
          responsible_unit_id: unit.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        method: 'PATCH',
        url: () => `/api/intervention-types/${row.id}`,
        body: (id) => ({ version: 1, responsibleUnitId: id }),
      };
    },
  ),
];
