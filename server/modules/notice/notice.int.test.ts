import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { auditRowsOf, fieldsOf } from '../../test/records.ts';
import {
  caller,
  childCase,
  daysAgo,
  exempted,
  informed,
  noticeTrace,
  t,
  today,
  useNoticeFixtures,
} from './notice.fixtures.ts';
import type { Notice, NoticeList } from './schema.ts';

/**
 * The citizen told (issue 13 part 8, GDPR art. 13/14): a member who may write the case records
 * that the citizen or a custody holder was told (how, when) or that an exemption was used with a
 * reason; the chronology and the audit trail say so; bad input is a Danish message on its field
 * and nothing is stored; the letter is a PDF for the citizen or a custody holder only.
 */
useNoticeFixtures();

const notices = (caseId: string) => `/api/cases/${caseId}/notices`;

describe(`recording that the citizen was told (${testEngine})`, () => {
  it('records a notice to a custody holder with its chronology event and audit; the same id again answers it', async () => {
    const c = await childCase();
    const body = informed(c.mother.id, { method: 'digital_post' });
    const res = await caller('member').post(notices(c.id), body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      outcome: 'informed',
      method: 'digital_post',
      person: { id: c.mother.id, name: 'Mette Brevsen' },
      givenOn: daysAgo(2),
      exemption: null,
    } satisfies Partial<Notice>);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit[0]).toMatchObject({ action: 'create', resource_type: 'case_notice' });
    expect(JSON.stringify(audit)).not.toContain('Brevsen');

    const again = await caller('coordinator').post(notices(c.id), { ...body, method: 'oral' });
    expect(again.statusCode).toBe(200);
    expect((again.json() as Notice).method).toBe('digital_post');
    expect(await noticeTrace(c.id)).toEqual({ notices: 1, events: 1 });

    const chronology = (
      await caller('coordinator').get(`/api/cases/${c.id}/chronology?kind=citizen_informed`)
    ).json() as { items: { changes: Record<string, { to: unknown }> }[] };
    expect(chronology.items[0]?.changes).toMatchObject({
      personRole: { to: 'parent' },
      noticeMethod: { to: 'digital_post' },
      noticeDate: { to: daysAgo(2) },
    });

    const list = (await caller('coordinator').get(notices(c.id))).json() as NoticeList;
    expect(list.done).toBe(true);
    expect(list.recipients.map((r) => [r.name, r.told])).toEqual([
      ['Noah Brevsen', false],
      ['Mette Brevsen', true],
    ]);
  });

  it('records an exemption with its reason; the reason stays out of the chronology and the audit trail', async () => {
    const c = await childCase();
    const res = await caller('coordinator').post(notices(c.id), exempted());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'exempted', exemption: 'police_request' });
    const audit = await auditRowsOf(t.database.db, res);
    expect(JSON.stringify(audit)).not.toContain('Politiet har bedt');
    const events = (
      await caller('coordinator').get(`/api/cases/${c.id}/chronology?kind=notice_exempted`)
    ).json() as { items: { changes: Record<string, { to: unknown }> }[] };
    expect(events.items[0]?.changes).toEqual({
      noticeExemption: { from: null, to: 'police_request' },
      noticeDate: { from: null, to: daysAgo(1) },
    });
  });

  it('refuses an exemption without a reason, a day before the case opened or in the future, and a person not to be told: Danish messages, nothing stored', async () => {
    const c = await childCase(5);
    const cases: [Record<string, unknown>, string[]][] = [
      [exempted({ reason: '   ' }), ['body.reason:notice_reason_required']],
      [
        exempted({ reason: null, exemption: null }),
        ['body.exemption:choose', 'body.reason:notice_reason_required'],
      ],
      [informed(c.child.id, { givenOn: daysAgo(6) }), ['body.givenOn:notice_before_case_opened']],
      [informed(c.child.id, { givenOn: '2999-01-01' }), ['body.givenOn:in_future']],
      [informed(c.father.id), ['body.personId:notice_not_recipient']],
      [informed(c.child.id, { method: null }), ['body.method:choose']],
      [
        informed(c.child.id, { exemption: 'secrecy_duty' }),
        ['body.exemption:notice_only_exemption'],
      ],
    ];
    for (const [body, want] of cases) {
      const res = await caller('coordinator').post(notices(c.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual(want);
    }
    const danish = await caller('coordinator').post(notices(c.id), exempted({ reason: '' }));
    expect(JSON.stringify(danish.json())).toContain('Skriv, hvorfor undtagelsen gælder');
    const early = await caller('coordinator').post(
      notices(c.id),
      informed(c.child.id, { givenOn: daysAgo(30) }),
    );
    expect(JSON.stringify(early.json())).toContain('før den dag, sagen blev oprettet');
    expect(await noticeTrace(c.id)).toEqual({ notices: 0, events: 0 });
  });

  it('lets only those who may write the case record it (ASVS 8.2.2): the mentor 403, a non-member 404', async () => {
    const c = await childCase();
    expect((await caller('mentor').post(notices(c.id), informed(c.child.id))).statusCode).toBe(403);
    expect((await caller('mentor').get(notices(c.id))).statusCode).toBe(403);
    expect((await caller('outsider').post(notices(c.id), informed(c.child.id))).statusCode).toBe(
      404,
    );
    expect((await caller('outsider').get(notices(c.id))).statusCode).toBe(404);
    expect(await noticeTrace(c.id)).toEqual({ notices: 0, events: 0 });
    expect((await caller('forum').post(notices(c.id), informed(c.child.id))).statusCode).toBe(201);
  });

  it('an id from another case is refused, not taken over', async () => {
    const a = await childCase();
    const b = await childCase();
    const body = informed(a.child.id);
    expect((await caller('coordinator').post(notices(a.id), body)).statusCode).toBe(201);
    const other = await caller('coordinator').post(notices(b.id), {
      ...body,
      personId: b.child.id,
    });
    expect(other.statusCode).toBe(409);
    expect(await noticeTrace(b.id)).toEqual({ notices: 0, events: 0 });
  });
});

describe(`the information letter (${testEngine})`, () => {
  it("is a PDF with the recipient's name and address, the rights and Datatilsynet; audited; only for the citizen or a custody holder", async () => {
    const c = await childCase();
    const url = `/api/cases/${c.id}/notice-letter.pdf?personId=${c.mother.id}`;
    const res = await caller('member').get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="oplysning-${c.reference}.pdf"`,
    );
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Mette Brevsen');
    expect(text).toContain('Skolevej 3, 9999 Testby');
    expect(text).toContain('Noah Brevsen');
    expect(text).toContain('Datatilsynet');
    expect(text).toContain('Retsplejeloven § 115');
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => a.subject_person_id)).toEqual([c.mother.id]);

    const english = await caller('member').get(url, { 'accept-language': 'en' });
    expect(await pdfText(english.rawPayload)).toContain('Your rights');
    const father = `/api/cases/${c.id}/notice-letter.pdf?personId=${c.father.id}`;
    expect((await caller('member').get(father)).statusCode).toBe(404);
    expect((await caller('outsider').get(url)).statusCode).toBe(404);
  });
});

describe(`the work list's reminder (${testEngine})`, () => {
  it('reminds the coordinators of an open case without notice 14 days after it opened, until one is recorded', async () => {
    const fresh = await childCase(3);
    const old = await childCase(20);
    const tasks = async () =>
      (
        (await caller('coordinator').get('/api/tasks?kind=case_without_notice')).json() as {
          items: { caseId: string; dueOn: string; overdue: boolean }[];
        }
      ).items;
    const before = await tasks();
    expect(before.some((x) => x.caseId === fresh.id)).toBe(false);
    const task = before.find((x) => x.caseId === old.id);
    expect(task).toMatchObject({ dueOn: daysAgo(6), overdue: true });
    const member = (await caller('member').get('/api/tasks?kind=case_without_notice')).json() as {
      items: { caseId: string }[];
    };
    expect(member.items.some((x) => x.caseId === old.id)).toBe(false);

    expect((await caller('coordinator').post(notices(old.id), exempted())).statusCode).toBe(201);
    expect((await tasks()).some((x) => x.caseId === old.id)).toBe(false);
    expect(today()).toBe(daysAgo(0));
  });
});
