import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { translate, type Locale } from './i18n/index.ts';

/**
 * Meeting invitations, updates and cancellations (issue 14 part 2, db/migrations/0046): the text
 * of the e-mail and its iCalendar attachment, composed when the outbox row is sent. Only the
 * forum's name, the time, the place or video link and a link to the meeting page go in — never a
 * citizen, a case or inquiry reference, or an agenda item (a meeting's agenda stays behind the
 * login, where need-to-know decides who sees which item).
 *
 * The .ics keeps one UID per meeting; SEQUENCE is the row's `meeting_sequence` (0 first, one more
 * per change), METHOD is REQUEST for an invitation or update and CANCEL for a cancellation.
 */
export const MEETING_INVITATION_MAIL_KIND = 'meeting_invitation';
export const MEETING_UPDATE_MAIL_KIND = 'meeting_update';
export const MEETING_CANCEL_MAIL_KIND = 'meeting_cancelled';
export const MEETING_MAIL_KINDS: readonly string[] = [
  MEETING_INVITATION_MAIL_KIND,
  MEETING_UPDATE_MAIL_KIND,
  MEETING_CANCEL_MAIL_KIND,
];

const TIME_ZONE = 'Europe/Copenhagen';

export interface MeetingMailFacts {
  kind: string;
  meeting_id: string | null;
  meeting_sequence: number | null;
  meeting_starts_at: Date | null;
  meeting_ends_at: Date | null;
  meeting_place: string | null;
  meeting_video_link: string | null;
  meeting_status: string | null;
  meeting_forum: string | null;
}

export interface IcalAttachment {
  method: 'REQUEST' | 'CANCEL';
  filename: string;
  content: string;
}

export interface MeetingMailContent {
  subject: string;
  text: string;
  icalEvent: IcalAttachment;
}

function when(startsAt: Date, endsAt: Date, locale: Locale): string {
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
      ...options,
      timeZone: TIME_ZONE,
    });
  return `${format({ dateStyle: 'full', timeStyle: 'short' }).format(startsAt)}–${format({
    timeStyle: 'short',
  }).format(endsAt)}`;
}

/** The iCalendar text of the meeting: one event, UID per meeting, SEQUENCE per change. */
export function meetingIcs(input: {
  meetingId: string;
  sequence: number;
  cancelled: boolean;
  forum: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  link: string;
  summary: string;
  description: string;
}): string {
  const calendar = ical({
    prodId: { company: 'Tovholder', product: 'Tovholder', language: 'DA' },
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${input.meetingId}@tovholder`,
    sequence: input.sequence,
    start: input.startsAt,
    end: input.endsAt,
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.link,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/**
 * The subject (Danish), the text (Danish, then English) and the .ics of a meeting message, or
 * undefined when it has become obsolete (an invitation to a meeting cancelled meanwhile).
 */
export function composeMeetingMail(
  row: MeetingMailFacts,
  publicUrl: string,
): MeetingMailContent | undefined {
  if (
    !row.meeting_id ||
    row.meeting_sequence === null ||
    !row.meeting_starts_at ||
    !row.meeting_ends_at ||
    !row.meeting_forum
  ) {
    return undefined;
  }
  const cancelled = row.kind === MEETING_CANCEL_MAIL_KIND;
  if (!cancelled && row.meeting_status === 'cancelled') return undefined;
  const startsAt = row.meeting_starts_at;
  const endsAt = row.meeting_ends_at;
  const link = `${publicUrl}/moeder/${encodeURIComponent(row.meeting_id)}`;
  const where = row.meeting_place ?? row.meeting_video_link ?? '';
  const paragraph = (locale: Locale) => {
    const params = {
      forum: row.meeting_forum ?? '',
      when: when(startsAt, endsAt, locale),
      where: where || translate(locale, 'mail.meeting.no_place'),
      link,
    };
    return [
      translate(locale, `mail.${row.kind}.body`, params),
      translate(locale, 'mail.meeting.where', params),
      translate(locale, 'mail.meeting.open', params),
      translate(locale, 'mail.meeting.footer'),
    ].join('\n');
  };
  const summary = translate('da', 'mail.meeting.summary', { forum: row.meeting_forum });
  const description = paragraph('da');
  return {
    subject: translate('da', `mail.${row.kind}.subject`, {
      forum: row.meeting_forum,
      when: when(startsAt, endsAt, 'da'),
    }),
    text: `${description}\n\n${paragraph('en')}\n`,
    icalEvent: {
      method: cancelled ? 'CANCEL' : 'REQUEST',
      filename: 'moede.ics',
      content: meetingIcs({
        meetingId: row.meeting_id,
        sequence: row.meeting_sequence,
        cancelled,
        forum: row.meeting_forum,
        startsAt,
        endsAt,
        location: row.meeting_place ?? row.meeting_video_link,
        link,
        summary,
        description,
      }),
    },
  };
}
