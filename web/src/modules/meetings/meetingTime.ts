import { instantOf } from '../../../../server/modules/meetings/meetings-cadence.ts';

/** Meetings are shown and entered in Danish time, whatever the browser's time zone. */
const ZONE = 'Europe/Copenhagen';

/** "tirsdag 8. december 2026, 10.00–12.00" / "Tuesday 8 December 2026, 10:00–12:00". */
export function formatMeetingTime(startsAt: string, endsAt: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: ZONE,
  }).format(new Date(startsAt));
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: ZONE });
  return `${day}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/** The instant (ISO) of a Danish day (yyyy-mm-dd) and time (tt:mm). */
export function danishInstant(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantOf({ year, month, day: date, hour, minute }).toISOString();
}
