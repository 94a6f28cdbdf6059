import type { RequestContext } from '../../platform/context.ts';
import { createDocument, documentDate } from '../../platform/pdf-layout.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { requireMeeting } from '../../access/meeting-access.ts';
import { purposeLimitOf } from '../../access/records.ts';
import { municipalityLogo } from '../inquiries/logo.ts';
import { findMunicipality } from '../organisation/queries.ts';
import { danishToday } from '../cases/chronology.ts';
import type { MinutesView } from './minutes-schema.ts';
import { loadMinutes } from './minutes-view.ts';

/**
 * The minutes as a PDF in the product's documents layout (issue 14 part 4): the meeting, the
 * version and its approval, who was present, each item the caller may see with what was assessed
 * and decided (and what the decision did), and the tasks. Built from the same view as the page,
 * so it holds only what the caller may see, and its record items are audited the same way.
 */
export async function minutesPdf(
  ctx: RequestContext,
  meetingId: string,
  versionNo: number | undefined,
  now = new Date(),
): Promise<{ pdf: Buffer; versionNo: number }> {
  const meeting = await requireMeeting(ctx.db, ctx.user, meetingId);
  return ctx.db.transaction().execute(async (trx) => {
    const view = await loadMinutes(trx, ctx, meeting, versionNo, 'minutes_pdf');
    const municipality = await findMunicipality(trx, meeting.municipalityCode);
    const pdf = await render(ctx.language, view, now, {
      municipality: municipality?.name ?? meeting.municipalityCode,
      logo: await municipalityLogo(trx, meeting.municipalityCode),
      purposeLimit: purposeLimitOf(ctx.user),
      contact: { name: ctx.user.displayName, unit: null, email: null },
    });
    return { pdf, versionNo: view.minutes?.versionNo ?? 0 };
  });
}

async function render(
  locale: Locale,
  view: MinutesView,
  now: Date,
  letterhead: {
    municipality: string;
    logo: Buffer | null;
    purposeLimit: ReturnType<typeof purposeLimitOf>;
    contact: { name: string; unit: null; email: null };
  },
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `minutesPdf.${key}`, params);
  const day = (iso: string) => documentDate(locale, danishToday(new Date(iso)));
  const minutes = view.minutes;
  const reference = t('reference', { version: minutes?.versionNo ?? 0 });
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { forum: view.meeting.forumName }),
    heading: t('title', { forum: view.meeting.forumName }),
    reference,
    municipality: letterhead.municipality,
    contact: letterhead.contact,
    logo: letterhead.logo,
    purposeLimit: letterhead.purposeLimit,
    date: now,
  });
  pdf.field(t('meetingDay'), day(view.meeting.startsAt));
  pdf.field(t('place'), view.meeting.place);
  pdf.field(t('version'), minutes ? String(minutes.versionNo) : null);
  pdf.field(t('status'), minutes ? t(`status.${minutes.status}`) : t('notStarted'));
  if (minutes?.approvedAt) {
    pdf.field(t('approvedBy'), minutes.approvedBy);
    pdf.field(t('approvedOn'), day(minutes.approvedAt));
  }
  if (minutes?.correctionReason) pdf.field(t('correctionReason'), minutes.correctionReason);
  if (minutes?.noPersonalDataConfirmedAt) pdf.paragraph(t('noPersonalDataConfirmed'));

  pdf.heading(t('attendance'));
  const present = [
    ...view.attendance.participants.map((p) => ({ name: p.name, attended: p.attended })),
    ...view.attendance.guests.map((g) => ({
      name: g.organisation ? `${g.name} (${g.organisation})` : g.name,
      attended: g.attended,
    })),
  ];
  pdf.list(
    present.map(
      (p) =>
        `${p.name}: ${t(p.attended === null ? 'attendedUnknown' : p.attended ? 'attended' : 'absent')}`,
    ),
    t('noParticipants'),
  );

  pdf.heading(t('items'));
  if (view.items.length === 0) pdf.paragraph(t('noItems'));
  for (const item of view.items) {
    const label = item.caseReference ?? item.inquiryReference ?? item.title ?? '';
    pdf.subheading(`${item.position}. ${label}`);
    if (item.textHidden) {
      pdf.paragraph(t('textHidden'));
    } else {
      pdf.field(t('assessed'), item.assessed);
      pdf.field(t('decision'), item.decision);
    }
    if (item.action) pdf.field(t('acted'), t(`actions.${item.action.kind}`));
  }

  pdf.heading(t('tasks'));
  pdf.list(
    view.tasks.map(
      (task) =>
        `${task.description ?? t('textHidden')} — ${task.responsible.name}, ${t('dueOn')} ${documentDate(locale, task.dueOn)}` +
        (task.caseReference || task.inquiryReference
          ? ` (${task.caseReference ?? task.inquiryReference})`
          : '') +
        (task.done ? ` — ${t('done')}` : ''),
    ),
    t('noTasks'),
  );
  return pdf.done();
}
