import da from './locales/da.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import assessmentDa from '../../modules/assessments/locales/da.json' with { type: 'json' };
import assessmentEn from '../../modules/assessments/locales/en.json' with { type: 'json' };
import planDa from '../../modules/plans/locales/da.json' with { type: 'json' };
import planEn from '../../modules/plans/locales/en.json' with { type: 'json' };
import caseInterventionDa from '../../modules/case-interventions/locales/da.json' with { type: 'json' };
import caseInterventionEn from '../../modules/case-interventions/locales/en.json' with { type: 'json' };
import followUpDa from '../../modules/follow-ups/locales/da.json' with { type: 'json' };
import followUpEn from '../../modules/follow-ups/locales/en.json' with { type: 'json' };
import closureDa from '../../modules/closure/locales/da.json' with { type: 'json' };
import closureEn from '../../modules/closure/locales/en.json' with { type: 'json' };
import inquiryDa from '../../modules/inquiries/locales/da.json' with { type: 'json' };
import inquiryEn from '../../modules/inquiries/locales/en.json' with { type: 'json' };
import filingDa from '../../modules/filing/locales/da.json' with { type: 'json' };
import filingEn from '../../modules/filing/locales/en.json' with { type: 'json' };
import sharingDa from '../../modules/sharing/locales/da.json' with { type: 'json' };
import sharingEn from '../../modules/sharing/locales/en.json' with { type: 'json' };
import disclosureDa from '../../modules/disclosures/locales/da.json' with { type: 'json' };
import disclosureEn from '../../modules/disclosures/locales/en.json' with { type: 'json' };
import noticeDa from '../../modules/notice/locales/da.json' with { type: 'json' };
import noticeEn from '../../modules/notice/locales/en.json' with { type: 'json' };
import partnersDa from '../../modules/partners/locales/da.json' with { type: 'json' };
import partnersEn from '../../modules/partners/locales/en.json' with { type: 'json' };
import processingDa from '../../modules/processing-record/locales/da.json' with { type: 'json' };
import processingEn from '../../modules/processing-record/locales/en.json' with { type: 'json' };
import retentionDa from '../../modules/retention/locales/da.json' with { type: 'json' };
import retentionEn from '../../modules/retention/locales/en.json' with { type: 'json' };
import accessRequestDa from '../../modules/access-requests/locales/da.json' with { type: 'json' };
import accessRequestEn from '../../modules/access-requests/locales/en.json' with { type: 'json' };
import transferDa from '../../modules/transfers/locales/da.json' with { type: 'json' };
import transferEn from '../../modules/transfers/locales/en.json' with { type: 'json' };
import agendaDa from '../../modules/meetings/agenda-locales/da.json' with { type: 'json' };
import agendaEn from '../../modules/meetings/agenda-locales/en.json' with { type: 'json' };
import citizenMeetingDa from '../../modules/citizen-meetings/locales/da.json' with { type: 'json' };
import citizenMeetingEn from '../../modules/citizen-meetings/locales/en.json' with { type: 'json' };
import meetingsDa from '../../modules/meetings/locales/da.json' with { type: 'json' };
import meetingsEn from '../../modules/meetings/locales/en.json' with { type: 'json' };
import minutesDa from '../../modules/meetings/locales/minutes-da.json' with { type: 'json' };
import minutesEn from '../../modules/meetings/locales/minutes-en.json' with { type: 'json' };
import networkMapDa from '../../modules/network-maps/locales/da.json' with { type: 'json' };
import networkMapEn from '../../modules/network-maps/locales/en.json' with { type: 'json' };
import guidanceDa from '../../modules/guidance/locales/da.json' with { type: 'json' };
import guidanceEn from '../../modules/guidance/locales/en.json' with { type: 'json' };
import housingAreaDa from '../../modules/housing-areas/locales/da.json' with { type: 'json' };
import housingAreaEn from '../../modules/housing-areas/locales/en.json' with { type: 'json' };
import areaRoundDa from '../../modules/area-rounds/locales/da.json' with { type: 'json' };
import areaRoundEn from '../../modules/area-rounds/locales/en.json' with { type: 'json' };
import areaPlanDa from '../../modules/area-plans/locales/da.json' with { type: 'json' };
import areaPlanEn from '../../modules/area-plans/locales/en.json' with { type: 'json' };
import areaWorkDa from '../../modules/area-work/locales/da.json' with { type: 'json' };
import areaWorkEn from '../../modules/area-work/locales/en.json' with { type: 'json' };
import implementationDa from '../../modules/implementation/locales/da.json' with { type: 'json' };
import implementationEn from '../../modules/implementation/locales/en.json' with { type: 'json' };

/**
 * Server-side messages (errors, e-mails, PDF documents). Danish first; English when the client
 * asks for it. A module with messages of its own keeps them in
 * server/modules/<module>/locales/{da,en}.json: its field problem codes under `validation` and
 * its document texts under one top-level key of its own; they are merged here.
 */
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalog = { [key: string]: string | Catalog };
/** Merges module catalogues into the platform's; nested keys (e.g. `validation`) are combined. */
function merge(...parts: Catalog[]): Catalog {
  const out: Catalog = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      out[key] =
        typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
    }
  }
  return out;
}

const catalogs: Record<Locale, Catalog> = {
  da: merge(
    da,
    assessmentDa,
    planDa,
    caseInterventionDa,
    followUpDa,
    closureDa,
    inquiryDa,
    filingDa,
    sharingDa,
    disclosureDa,
    noticeDa,
    processingDa,
    retentionDa,
    accessRequestDa,
    partnersDa,
    transferDa,
    agendaDa,
    citizenMeetingDa,
    meetingsDa,
    minutesDa,
    networkMapDa,
    guidanceDa,
    housingAreaDa,
    areaRoundDa,
    areaPlanDa,
    areaWorkDa,
    implementationDa,
  ),
  en: merge(
    en,
    assessmentEn,
    planEn,
    caseInterventionEn,
    followUpEn,
    closureEn,
    inquiryEn,
    filingEn,
    sharingEn,
    disclosureEn,
    noticeEn,
    processingEn,
    retentionEn,
    accessRequestEn,
    partnersEn,
    transferEn,
    agendaEn,
    citizenMeetingEn,
    meetingsEn,
    minutesEn,
    networkMapEn,
    guidanceEn,
    housingAreaEn,
    areaRoundEn,
    areaPlanEn,
    areaWorkEn,
    implementationEn,
  ),
};

export function catalog(locale: Locale): Catalog {
  return catalogs[locale];
}

/** Picks the locale from an Accept-Language header: English only when English is preferred. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'da';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('da') || tag.startsWith('nb') || tag.startsWith('nn')) return 'da';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}

/** Looks up `a.b.c` and fills `{{name}}` placeholders. A missing key returns the key itself. */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  let node: string | Catalog | undefined = catalogs[locale];
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    params[name] === undefined ? `{{${name}}}` : String(params[name]),
  );
}
