import { createDocument, documentDate, type DocumentContact } from '../../platform/pdf-layout.ts';
import type { PurposeLimit } from '../../../shared/sharing.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { danishToday } from '../cases/chronology.ts';
import type { Goal, Plan } from './schema.ts';

/**
 * The action plan as a PDF the citizen can be given: the case reference, the citizen's name,
 * the purpose, goals and sub-goals (numbered 1, 1.1 …) with who is responsible, target date and
 * status, the agreements, the citizen's own wishes and participation, the time frame, the next
 * follow-up, and who approved it and when (or that it is a draft). The plan holds no
 * compartment content (nothing about the concern itself), so nothing is left out. The common
 * layout (server/platform/pdf-layout.ts) adds the municipality, the date and the coordinator as
 * contact person; the plan ends with lines where the citizen and the coordinator sign and date.
 */
export async function planPdf(input: {
  locale: Locale;
  reference: string;
  citizens: string[];
  plan: Plan;
  now: Date;
  letterhead: {
    municipality: string;
    contact: DocumentContact | null;
    logo?: Buffer | null;
    purposeLimit?: PurposeLimit | null;
  };
}): Promise<Buffer> {
  const { locale, reference, citizens, plan, now, letterhead } = input;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `planPdf.${key}`, params);
  const date = (iso: string | null) => (iso ? documentDate(locale, iso) : null);

  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { reference }),
    heading: t('title'),
    reference,
    municipality: letterhead.municipality,
    contact: letterhead.contact,
    logo: letterhead.logo,
    purposeLimit: letterhead.purposeLimit,
    date: now,
  });
  pdf.field(t('citizen'), citizens.join(', '));
  pdf.field(t('version'), String(plan.number));
  pdf.field(t('status'), t(`planStatus.${plan.status}`));

  pdf.heading(t('purpose'));
  pdf.paragraph(plan.purpose ?? t('notGiven'));

  pdf.heading(t('goals'));
  const top = plan.goals.filter((g) => g.parentKey === null);
  if (top.length === 0) pdf.paragraph(t('noGoals'));
  const goal = (g: Goal, number: string) => {
    pdf.subheading(`${number} ${g.text}`);
    pdf.field(t('responsible'), g.responsible?.name ?? null);
    pdf.field(t('targetDate'), date(g.targetDate));
    pdf.field(t('goalStatus'), t(`goalStatuses.${g.status}`));
  };
  top.forEach((parent, i) => {
    goal(parent, `${i + 1}.`);
    plan.goals
      .filter((g) => g.parentKey === parent.key)
      .forEach((child, j) => goal(child, `${i + 1}.${j + 1}`));
  });

  pdf.heading(t('agreements'));
  pdf.list(plan.agreements, t('noAgreements'));

  pdf.heading(t('citizenHeading'));
  pdf.field(t('citizenWishes'), plan.citizenWishes);
  pdf.field(
    t('citizenParticipated'),
    plan.citizenParticipated === null ? null : t(plan.citizenParticipated ? 'yes' : 'no'),
  );

  pdf.heading(t('timeFrame'));
  pdf.field(t('startsOn'), date(plan.startsOn));
  pdf.field(t('endsOn'), date(plan.endsOn));
  pdf.field(t('nextFollowUpOn'), date(plan.nextFollowUpOn));
  pdf.field(
    t('followUpInterval'),
    plan.followUpIntervalDays === null ? null : t('everyDays', { days: plan.followUpIntervalDays }),
  );

  pdf.heading(t('approval'));
  if (plan.status === 'approved' || plan.status === 'superseded') {
    pdf.field(t('approvedBy'), plan.decidedBy?.name ?? null);
    pdf.field(t('approvedOn'), plan.decidedAt ? date(danishToday(new Date(plan.decidedAt))) : null);
    if (plan.steeringGroupMeetingOn) {
      pdf.field(t('steeringGroupMeetingOn'), date(plan.steeringGroupMeetingOn));
    }
  } else {
    pdf.paragraph(t(`planStatus.${plan.status}`));
  }

  pdf.signatures([
    ...(citizens.length > 0 ? citizens : [null]).map((name) => ({
      role: t('signatureCitizen'),
      name,
    })),
    { role: t('signatureCoordinator'), name: letterhead.contact?.name ?? null },
  ]);
  return pdf.done();
}
