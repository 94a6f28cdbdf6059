import { createDocument, documentDate, type DocumentContact } from '../../platform/pdf-layout.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { changeWords } from './summary-changes.ts';
import type { CaseSummary } from './summary.ts';
import type { PurposeLimit } from '../../../shared/sharing.ts';

/**
 * The case summary as a PDF in the reader's language (collected by summary.ts as the reader may
 * see it), in the documents' common layout (server/platform/pdf-layout.ts: letterhead, contact
 * person, page numbers, tagged). Where the reader may not see the name of a catalogue entry that
 * reveals the concern, a neutral name stands in its place, as the case shows a neutral marker.
 * The chronology is in date order, oldest first, every change in words (summary-changes.ts).
 */

/** Dates as the reader's language writes them ("5. december 2026"), in Danish time. */
function formats(locale: Locale) {
  const time = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  });
  return {
    /** A calendar date (YYYY-MM-DD). */
    date: (value: string | null) => (value ? documentDate(locale, value) : null),
    day: (value: Date | null) => (value ? documentDate(locale, value) : null),
    time: (value: Date) => time.format(value),
  };
}

/** Lays the summary out as a PDF in the reader's language. */
export async function renderCaseSummary(
  s: CaseSummary,
  options: {
    locale: Locale;
    printedBy: string;
    now: Date;
    letterhead: {
      municipality: string;
      contact: DocumentContact | null;
      logo?: Buffer | null;
      purposeLimit?: PurposeLimit | null;
    };
  },
): Promise<Buffer> {
  const { locale } = options;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `caseSummary.${key}`, params);
  const value = (list: string, code: string | null) =>
    code === null ? null : t(`values.${list}.${code}`);
  const yesNo = (v: boolean | null) => (v === null ? null : t(v ? 'yes' : 'no'));
  const f = formats(locale);
  const changeLines = changeWords(locale);
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { reference: s.reference }),
    heading: t('title', { reference: s.reference }),
    reference: s.reference,
    municipality: options.letterhead.municipality,
    contact: options.letterhead.contact,
    logo: options.letterhead.logo,
    purposeLimit: options.letterhead.purposeLimit,
    date: options.now,
  });
  pdf
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
      // Recorded only in an assessment about a child: printed when there.
      if (c.assessment.childView) pdf.field(t('labels.childView'), c.assessment.childView);
      if (c.assessment.childInvolvement) {
        pdf.field(t('labels.childInvolvement'), c.assessment.childInvolvement);
      }
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
        i.typeName ?? t('neutralIntervention'),
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
          `${d.concernTypeName ?? d.typeName ?? t('neutralIntervention')} (${d.personName ?? ''}): ${value('disposition', d.disposition) ?? ''}`,
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
    if (e.happenedOn && e.backdateReason) {
      const reason = value('backdateReason', e.backdateReason) ?? e.backdateReason;
      pdf.note(t('happenedOn', { date: f.date(e.happenedOn) ?? '', reason }));
    }
    if (e.compartment) pdf.note(t('compartmentEvent'));
    if (e.noteText) pdf.paragraph(e.noteText);
    const changes = changeLines(e.kind, e.changes, t('neutralIntervention'));
    if (changes.length > 0) pdf.list(changes, '');
  }
  return pdf.done();
}
