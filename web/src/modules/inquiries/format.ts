import i18n from '../../app/i18n';
import { fromLocalTime, localTime } from '../../../../server/modules/inquiries/deadline.ts';

/**
 * Dates, times and deadlines for inquiries. Dates are typed and shown the Danish way (12.03.2026
 * through the one date field of ui/form, 14.05) in Danish time, whatever the PC's time zone; the
 * time left to a deadline is counted on the server's clock, so a PC clock that is wrong does not
 * move a deadline.
 */

/** Milliseconds to add to this PC's clock to get the server's (learnt from the inbox's `now`). */
let serverOffset = 0;

/** Remember the server's time from an answer that carries it (`now`), fetched at `fetchedAt`. */
export function rememberServerNow(now: string, fetchedAt: number) {
  const server = Date.parse(now);
  if (!Number.isNaN(server) && fetchedAt > 0) serverOffset = server - fetchedAt;
}

/** The server's time now, as well as the web app knows it. */
export function serverNow(): number {
  return Date.now() + serverOffset;
}

/** "om 5 t 12 min" / "overskredet med 2 t", from the minutes left (negative: overdue). */
export function formatTimeLeft(deadline: string, now: number = serverNow()): string {
  const minutes = Math.round((Date.parse(deadline) - now) / 60_000);
  if (minutes >= 0) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return i18n.t('inquiries.time.leftMinutes', { minutes: rest });
    if (rest === 0) return i18n.t('inquiries.time.leftHours', { hours });
    return i18n.t('inquiries.time.leftHoursMinutes', { hours, minutes: rest });
  }
  const over = -minutes;
  if (over < 60) return i18n.t('inquiries.time.overdueMinutes', { minutes: over });
  return i18n.t('inquiries.time.overdueHours', { hours: Math.floor(over / 60) });
}

export function isPast(deadline: string, now: number = serverNow()): boolean {
  return Date.parse(deadline) < now;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the date (ISO `yyyy-mm-dd`, what the one date field holds) and the time of day
 * (`tt.mm`) in Denmark, whatever the PC's time zone. Without an instant: now, on the server's clock.
 */
export function localParts(instant?: string): { date: string; time: string } {
  const t = localTime(new Date(instant ?? serverNow()));
  return {
    date: `${t.year}-${pad(t.month)}-${pad(t.day)}`,
    time: `${pad(t.hour)}.${pad(t.minute)}`,
  };
}

/** "14.05" (also 14:05, 1405, 9.5) → [14, 5]; null if not a time of day. */
export function parseDanishTime(text: string): [number, number] | null {
  const value = text.trim();
  const match = /^(\d{1,2})[.:](\d{1,2})$/.exec(value) ?? /^(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return [hour, minute];
}

/** An ISO date and a Danish time of day, in Denmark → the instant (ISO 8601 with Z); null if invalid. */
export function localDateTimeToIso(isoDate: string, time: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const clock = parseDanishTime(time);
  if (!day || !clock) return null;
  return fromLocalTime({
    year: Number(day[1]),
    month: Number(day[2]),
    day: Number(day[3]),
    hour: clock[0],
    minute: clock[1],
    second: 0,
    millisecond: 0,
  }).toISOString();
}
