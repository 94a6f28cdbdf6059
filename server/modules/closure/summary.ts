import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { createPdf } from '../../platform/pdf.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import type { CaseAccess } from '../../access/records.ts';
import { personName } from '../cases/queries.ts';
import { approvedPlan, goalTexts } from './plan-goals.ts';
import { caseClosures, caseInterventions, caseReviews, presentClosures } from './queries.ts';
import type { Closure, Review } from './schema.ts';

/**
 * The case summary (issue 5 item 9): the case's current state and its whole chronology, for a
 * handover and for journalisation in the municipality's record system. It respects the reader's
 * compartment: without it, the classification, the concern summary, the assessment's judgement
 * and compartment events are never read from the database, and a neutral line says that some
 * content is left out. One query per section, never one per event.
 */
type ChangeValue = string | number | boolean | null;

export interface CaseSummary {
  reference: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  onHoldReason: string | null;
  onHoldUntil: string | null;
  concernLevel: string | null;
  workSummary: string | null;
  persons: { name: string; role: string; birthDate: string | null }[];
  team: { name: string; role: string; scope: string; unitName: string | null }[];
  /** Only for a reader with the compartment; null otherwise. */
  compartment: {
    extremismForm: string | null;
    extremismFormOther: string | null;
    ageGroup: string | null;
    authorityArea: string | null;
    primaryConcern: boolean | null;
    subjectKind: string | null;
    environment: string | null;
    concernSummary: string | null;
    assessment: {
      number: number;
      finalisedAt: Date | null;
      concernLevel: string | null;
      overallJudgement: string | null;
    } | null;
  } | null;
  plan: {
    goals: { text: string; status: string | null; sub: boolean }[];
    agreements: string[];
  } | null;
  interventions: {
    typeName: string;
    personName: string;
    provider: string | null;
    status: string;
    startsOn: string | null;
    endsOn: string | null;
  }[];
  followUps: { heldOn: string; concernLevel: string | null; concernChange: string | null }[];
  closures: Closure[];
  reviews: Review[];
  events: {
    kind: string;
    occurredAt: Date;
    author: string | null;
    noteText: string | null;
    compartment: boolean;
    changes: Record<string, { from: ChangeValue; to: ChangeValue }>;
  }[];
}

/** Collects the summary's sections as the reader may see them (undefined: no such case). */
export async function collectCaseSummary(
  db: Kysely<DB>,
  access: CaseAccess,
): Promise<CaseSummary | undefined> {
  const c = await db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', access.caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const persons = await db
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', 'p.id', 'cp.person_id')
    .select(['p.given_name', 'p.family_name', 'p.birth_date', 'cp.role'])
    .where('cp.case_id', '=', c.id)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
  const team = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units', 'units.id', 'm.unit_id')
    .select(['u.display_name', 'm.role', 'm.scope', 'units.name as unit_name'])
    .where('m.case_id', '=', c.id)
    .orderBy(sql`case m.role when 'coordinator' then 0 when 'forum' then 1 else 2 end`)
    .orderBy('u.display_name')
    .execute();

  let compartment: CaseSummary['compartment'] = null;
  if (access.compartment) {
    const assessment = await db
      .selectFrom('case_assessments')
      .select(['number', 'finalised_at', 'concern_level', 'overall_judgement'])
      .where('case_id', '=', c.id)
      .where('status', 'in', ['final', 'superseded'])
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    compartment = {
      extremismForm: c.extremism_form,
      extremismFormOther: c.extremism_form_other,
      ageGroup: c.age_group,
      authorityArea: c.authority_area,
      primaryConcern: c.primary_concern,
      subjectKind: c.subject_kind,
      environment: c.environment,
      concernSummary: c.concern_summary,
      assessment: assessment
        ? {
            number: assessment.number,
            finalisedAt: assessment.finalised_at,
            concernLevel: assessment.concern_level,
            overallJudgement: assessment.overall_judgement,
          }
        : null,
    };
  }

  const plan = await approvedPlan(db, c.id);
  const interventions = await caseInterventions(db, c.id);
  const followUps = await db
    .selectFrom('case_follow_ups')
    .select(['held_on', 'concern_level', 'concern_change'])
    .where('case_id', '=', c.id)
    .where('status', '=', 'done')
    .orderBy('held_on')
    .execute();
  const closureRows = await caseClosures(db, c.id);
  const texts = await goalTexts(db, c.id);
  const reviews = await caseReviews(db, c.id);
  let events = db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.kind',
      'e.occurred_at',
      'u.display_name',
      'e.note_text',
      'e.compartment',
      'e.changes',
    ])
    .where('e.case_id', '=', c.id)
    .orderBy('e.id');
  if (!access.compartment) events = events.where('e.compartment', '=', false);
  const eventRows = await events.execute();

  return {
    reference: c.reference,
    status: c.status,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
    onHoldReason: c.on_hold_reason,
    onHoldUntil: c.on_hold_until,
    concernLevel: c.concern_level,
    workSummary: c.work_summary,
    persons: persons.map((p) => ({ name: personName(p), role: p.role, birthDate: p.birth_date })),
    team: team.map((m) => ({
      name: m.display_name,
      role: m.role,
      scope: m.scope,
      unitName: m.unit_name,
    })),
    compartment,
    plan: plan
      ? {
          goals: plan.goals.map((g) => ({
            text: g.text,
            status: g.status,
            sub: g.parentKey !== null,
          })),
          agreements: plan.agreements,
        }
      : null,
    interventions: interventions.map((i) => ({
      typeName: i.type_name,
      personName: personName(i),
      provider: i.provider_user_name ?? i.provider_name,
      status: i.status,
      startsOn: i.starts_on,
      endsOn: i.ends_on,
    })),
    followUps: followUps.flatMap((f) =>
      f.held_on
        ? [{ heldOn: f.held_on, concernLevel: f.concern_level, concernChange: f.concern_change }]
        : [],
    ),
    closures: presentClosures(closureRows, texts, interventions),
    reviews,
    events: eventRows.map((e) => ({
      kind: e.kind,
      occurredAt: e.occurred_at,
      author: e.display_name,
      noteText: e.note_text,
      compartment: e.compartment,
      changes: e.changes as CaseSummary['events'][number]['changes'],
    })),
  };
}

/** Dates as the reader's language writes them, in Danish time. */
function formats(locale: Locale) {
  const tag = locale === 'da' ? 'da-DK' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const dayOf = new Intl.DateTimeFormat(tag, {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  });
  const time = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  return {
    /** A calendar date (YYYY-MM-DD). */
    date: (value: string | null) => (value ? day.format(new Date(`${value}T00:00:00Z`)) : null),
    day: (value: Date | null) => (value ? dayOf.format(value) : null),
    time: (value: Date) => time.format(value),
  };
}

/** Value lists whose codes the document writes in words (caseSummary.values.<list>.<code>). */
const VALUE_LISTS: Record<string, string> = {
  status: 'caseStatus',
  extremismForm: 'extremismForm',
  ageGroup: 'ageGroup',
  authorityArea: 'authorityArea',
  subjectKind: 'subjectKind',
  environment: 'environment',
  outcome: 'outcome',
  decision: 'decision',
  role: 'caseRole',
  scope: 'scope',
};

/** Lays the summary out as a PDF in the reader's language. */
export async function renderCaseSummary(
  s: CaseSummary,
  options: { locale: Locale; printedBy: string; now: Date },
): Promise<Buffer> {
  const { locale } = options;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `caseSummary.${key}`, params);
  const value = (list: string, code: string | null) =>
    code === null ? null : t(`values.${list}.${code}`);
  const yesNo = (v: boolean | null) => (v === null ? null : t(v ? 'yes' : 'no'));
  const f = formats(locale);
  const changeValue = (field: string, v: ChangeValue): string => {
    if (v === null || v === '') return '–';
    if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
    const list = VALUE_LISTS[field];
    if (list && typeof v === 'string') {
      const label = t(`values.${list}.${v}`);
      if (!label.startsWith('caseSummary.')) return label;
    }
    if (field === 'until' && typeof v === 'string') return f.date(v) ?? v;
    return String(v);
  };
  const fieldLabel = (field: string) => {
    const label = t(`fields.${field}`);
    return label.startsWith('caseSummary.') ? field : label;
  };

  const pdf = createPdf({
    title: t('documentTitle', { reference: s.reference }),
    language: locale,
  });
  pdf
    .title(t('title', { reference: s.reference }))
    .note(t('confidential'))
    .note(t('printed', { name: options.printedBy, time: f.time(options.now) }));

  pdf
    .heading(t('sections.case'))
    .field(t('labels.reference'), s.reference)
    .field(t('labels.status'), value('caseStatus', s.status))
    .field(t('labels.openedAt'), f.day(s.openedAt))
    .field(t('labels.closedAt'), f.day(s.closedAt));
  if (s.status === 'on_hold') {
    pdf
      .field(t('labels.onHoldReason'), s.onHoldReason)
      .field(t('labels.onHoldUntil'), f.date(s.onHoldUntil));
  }
  pdf
    .field(t('labels.concernLevel'), value('concernLevel', s.concernLevel) ?? t('notJudged'))
    .field(t('labels.workSummary'), s.workSummary);

  pdf.heading(t('sections.persons'));
  pdf.list(
    s.persons.map((p) =>
      [
        p.name,
        value('personRole', p.role),
        p.birthDate ? t('born', { date: f.date(p.birthDate) ?? '' }) : null,
      ]
        .filter(Boolean)
        .join(' – '),
    ),
    t('none'),
  );
  pdf.heading(t('sections.team'));
  pdf.list(
    s.team.map((m) =>
      [m.name, value('caseRole', m.role), value('scope', m.scope), m.unitName]
        .filter(Boolean)
        .join(' – '),
    ),
    t('none'),
  );

  pdf.heading(t('sections.concern'));
  const c = s.compartment;
  if (!c) {
    pdf.paragraph(t('restricted'));
  } else {
    pdf
      .field(t('labels.extremismForm'), value('extremismForm', c.extremismForm))
      .field(t('labels.extremismFormOther'), c.extremismFormOther)
      .field(t('labels.ageGroup'), value('ageGroup', c.ageGroup))
      .field(t('labels.authorityArea'), value('authorityArea', c.authorityArea))
      .field(t('labels.primaryConcern'), yesNo(c.primaryConcern))
      .field(t('labels.subjectKind'), value('subjectKind', c.subjectKind))
      .field(t('labels.environment'), value('environment', c.environment))
      .field(t('labels.concernSummary'), c.concernSummary);
    pdf.subheading(t('sections.assessment'));
    if (!c.assessment) {
      pdf.paragraph(t('noAssessment'));
    } else {
      pdf
        .field(t('labels.assessmentNumber'), String(c.assessment.number))
        .field(t('labels.finalisedAt'), f.day(c.assessment.finalisedAt))
        .field(t('labels.concernLevel'), value('concernLevel', c.assessment.concernLevel))
        .field(t('labels.overallJudgement'), c.assessment.overallJudgement);
    }
  }

  pdf.heading(t('sections.plan'));
  if (!s.plan) {
    pdf.paragraph(t('noPlan'));
  } else {
    pdf.subheading(t('labels.goals'));
    pdf.list(
      s.plan.goals.map(
        (g) =>
          `${g.sub ? `${t('subGoal')}: ` : ''}${g.text} (${value('goalStatus', g.status) ?? '–'})`,
      ),
      t('none'),
    );
    pdf.subheading(t('labels.agreements'));
    pdf.list(s.plan.agreements, t('none'));
  }

  pdf.heading(t('sections.interventions'));
  pdf.list(
    s.interventions.map((i) =>
      [
        i.typeName,
        i.personName,
        i.provider ? t('providedBy', { name: i.provider }) : null,
        value('interventionStatus', i.status),
        i.startsOn || i.endsOn
          ? t('period', { from: f.date(i.startsOn) ?? '–', to: f.date(i.endsOn) ?? '–' })
          : null,
      ]
        .filter(Boolean)
        .join(' – '),
    ),
    t('none'),
  );

  pdf.heading(t('sections.followUps'));
  pdf.list(
    s.followUps.map((fu) =>
      [
        f.date(fu.heldOn),
        value('concernLevel', fu.concernLevel),
        fu.concernChange ? value('concernChange', fu.concernChange) : null,
      ]
        .filter(Boolean)
        .join(' – '),
    ),
    t('none'),
  );

  pdf.heading(t('sections.closure'));
  if (s.closures.length === 0) pdf.paragraph(t('noClosure'));
  for (const cl of s.closures) {
    pdf
      .subheading(
        t('closureHeading', {
          status: value('closureStatus', cl.status) ?? '',
          date: f.day(new Date(cl.proposedAt)) ?? '',
        }),
      )
      .field(t('labels.outcome'), value('outcome', cl.outcome))
      .field(t('labels.transferredUnit'), cl.transferredUnit?.name)
      .field(t('labels.outcomeOther'), cl.outcomeOther)
      .field(t('labels.reason'), cl.reason)
      .field(t('labels.proposedBy'), cl.proposedBy.name)
      .field(t('labels.decidedBy'), cl.decidedBy?.name)
      .field(t('labels.decisionComment'), cl.decisionComment);
    pdf.list(
      cl.goalStatuses.map(
        (g) => `${g.text ?? t('unknownGoal')}: ${value('goalStatus', g.status) ?? ''}`,
      ),
      t('noGoals'),
    );
    pdf.list(
      cl.interventionDispositions.map(
        (d) =>
          `${d.typeName ?? ''} (${d.personName ?? ''}): ${value('disposition', d.disposition) ?? ''}`,
      ),
      t('noDispositions'),
    );
  }
  if (s.reviews.length > 0) {
    pdf.subheading(t('labels.reviews'));
    pdf.list(
      s.reviews.map((r) =>
        [
          t('reviewLine', { months: r.months, date: f.date(r.dueOn) ?? '' }),
          value('reviewStatus', r.status),
          r.heldOn ? t('heldOn', { date: f.date(r.heldOn) ?? '' }) : null,
          r.noLongerAtRisk === null
            ? null
            : `${t('labels.noLongerAtRisk')}: ${yesNo(r.noLongerAtRisk)}`,
          r.inEducationOrWork === null
            ? null
            : `${t('labels.inEducationOrWork')}: ${yesNo(r.inEducationOrWork)}`,
          r.reason,
        ]
          .filter(Boolean)
          .join(' – '),
      ),
      t('none'),
    );
  }

  pdf.heading(t('sections.chronology'));
  if (s.events.length === 0) pdf.paragraph(t('none'));
  for (const e of s.events) {
    pdf.subheading(
      `${f.time(e.occurredAt)} – ${value('eventKind', e.kind) ?? e.kind} – ${e.author ?? t('system')}`,
    );
    if (e.compartment) pdf.note(t('compartmentEvent'));
    if (e.noteText) pdf.paragraph(e.noteText);
    const changes = Object.entries(e.changes);
    if (changes.length > 0) {
      pdf.list(
        changes.map(
          ([field, ch]) =>
            `${fieldLabel(field)}: ${changeValue(field, ch.from)} → ${changeValue(field, ch.to)}`,
        ),
        '',
      );
    }
  }
  return pdf.done();
}
