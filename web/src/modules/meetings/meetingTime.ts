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

/** The Danish day (yyyy-mm-dd) and time (tt:mm) of an instant, for a form's fields. */
export function danishParts(instant: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}
