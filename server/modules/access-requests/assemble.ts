import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { documentDate } from '../../platform/pdf-layout.ts';
import { disclosuresOfPerson } from '../disclosures/person-entries.ts';
import { networkMapItems } from '../network-maps/access-request.ts';
import { accessReportPage } from '../persons/queries.ts';
import type { NewItem } from './queries.ts';
import {
  caseEventsOf,
  casesOfPerson,
  consentsOfPerson,
  inquiriesOfPerson,
  relationsOfPerson,
} from './queries-draft.ts';
import type { AccessItemLine } from './schema.ts';

/** The most lookups of the access report the draft lists (the citizen is told if there are more). */
export const MAX_REPORT_LINES = 1000;

/**
 * The draft file, assembled by the product from the citizen's records in the municipality: each
 * case the citizen is a person of (its main facts and the persons on it), each inquiry naming the
 * citizen, the citizen's relations on the network map, the access report — the date, kind and
 * purpose of each lookup of the citizen's data and the unit, never the employee's name
 * (C-579/21) — each entry of the disclosure register, and each consent. A case's history is its
 * chronology (day and kind of each event, never who or a note's text; events about the concern
 * itself are left out). Values are written in the caller's language as the citizen will read
 * them; a label is a key (`accessRequests.lines.*`).
 */
export async function assembleDraft(
  trx: Transaction<DB>,
  person: { id: string; municipalityCode: string },
  locale: Locale,
): Promise<NewItem[]> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  /** A code's word, or the code itself when the catalogue has none. */
  const word = (group: string, code: string) => {
    const key = `${group}.${code}`;
    const text = t(key);
    return text === key ? code : text;
  };
  const day = (value: Date | string) => documentDate(locale, value);
  const line = (label: string, value: string): AccessItemLine => ({ label, value });
  const mc = person.municipalityCode;
  const items: NewItem[] = [];

  const cases = await casesOfPerson(trx, mc, person.id);
  const events = await caseEventsOf(
    trx,
    mc,
    cases.map((c) => c.id),
  );
  for (const c of cases) {
    const lines = [
      line('reference', c.reference),
      line('status', word('caseSummary.values.caseStatus', c.status)),
      line('openedOn', day(c.opened_at)),
      ...(c.closed_at ? [line('closedOn', day(c.closed_at))] : []),
      line('yourRole', word('caseSummary.values.personRole', c.role)),
      ...c.persons
        .filter((p) => !p.self)
        .map((p) =>
          line('otherPerson', `${p.name} (${word('caseSummary.values.personRole', p.role)})`),
        ),
      ...events
        .filter((e) => e.case_id === c.id)
        .map((e) =>
          line('event', `${day(e.day)}: ${word('caseSummary.values.eventKind', e.kind)}`),
        ),
    ];
    items.push({
      source: 'case',
      caseId: c.id,
      inquiryId: null,
      title: t('accessRequests.titles.case', { reference: c.reference }),
      lines,
    });
  }

  // The network map of each case (network-maps/access-request.ts): roles only, notes withheld.
  items.push(...(await networkMapItems(trx, mc, cases, locale)));

  for (const i of await inquiriesOfPerson(trx, mc, person.id)) {
    items.push({
      source: 'inquiry',
      caseId: null,
      inquiryId: i.id,
      title: t('accessRequests.titles.inquiry', { reference: i.reference }),
      lines: [
        line('reference', i.reference),
        line('receivedOn', day(i.received_at)),
        line('status', word('accessRequests.inquiryStatus', i.status)),
        ...i.others.map((name) => line('otherPerson', name)),
      ],
    });
  }

  const relations = await relationsOfPerson(trx, mc, person.id);
  if (relations.length > 0) {
    items.push({
      source: 'network',
      caseId: null,
      inquiryId: null,
      title: t('accessRequests.titles.network'),
      lines: relations.map((r) =>
        line(
          'relation',
          `${r.given_name} ${r.family_name} (${word('caseSummary.values.personRole', r.relation)})`,
        ),
      ),
    });
  }

  const report = await accessReportPage(trx, person, {
    limit: MAX_REPORT_LINES,
    withNames: false,
  });
  items.push({
    source: 'access_report',
    caseId: null,
    inquiryId: null,
    title: t('accessRequests.titles.accessReport'),
    lines: [
      ...(report.items.length === 0 ? [line('note', t('accessRequests.noLookups'))] : []),
      ...report.items.map((e) =>
        line(
          'lookup',
          [
            lookupTime(locale, new Date(e.occurredAt)),
            word('accessRequests.auditActions', e.action),
            e.purpose ? word('accessRequests.purposes', e.purpose) : '',
            e.unitName ?? '',
          ]
            .filter((part) => part !== '')
            .join(' · '),
        ),
      ),
      ...(report.nextCursor ? [line('note', t('accessRequests.moreLookups'))] : []),
    ],
  });

  for (const d of await disclosuresOfPerson(trx, person)) {
    items.push({
      source: 'disclosure',
      caseId: null,
      inquiryId: null,
      title: t('accessRequests.titles.disclosure', {
        date: day(d.disclosedOn),
        recipient: d.recipientOrganisation,
      }),
      lines: [
        line('disclosedOn', day(d.disclosedOn)),
        line('recipient', d.recipientOrganisation),
        line(
          'categories',
          d.categories.map((c) => word('accessRequests.categories', c)).join(', '),
        ),
        line('legalBasis', d.legalBasis),
        line('purpose', d.purpose),
      ],
    });
  }

  for (const k of await consentsOfPerson(trx, mc, person.id)) {
    items.push({
      source: 'consent',
      caseId: k.case_id,
      inquiryId: null,
      title: t('accessRequests.titles.consent', { reference: k.reference }),
      lines: [
        line('purpose', k.purpose),
        line('givenOn', day(k.given_on)),
        line('givenBy', word('caseSummary.values.consentGivenBy', k.given_by)),
        line('method', word('caseSummary.values.consentMethod', k.method)),
        ...(k.withdrawn_on ? [line('withdrawnOn', day(k.withdrawn_on))] : []),
      ],
    });
  }
  return items;
}

/** A lookup's day and time of day, in Copenhagen time. */
function lookupTime(locale: Locale, at: Date): string {
  const time = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(at);
  return `${documentDate(locale, at)} ${time}`;
}
