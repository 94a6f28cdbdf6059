/**
 * The one date format of the web app: `dd.mm.åååå` on screen, ISO `yyyy-mm-dd` in form values
 * and requests. `parseDate` also accepts one-digit days and months (`1.2.2026`), dashes
 * (`01-02-2026`) and a pasted ISO date; it returns null for anything else, including a date that
 * does not exist (31.02.2026).
 */

const DANISH = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function isoIfReal(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** `24.12.2026` (or `24-12-2026`, `1.2.2026`, `2026-12-24`) → `2026-12-24`; null if not a real date. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  const danish = DANISH.exec(trimmed);
  if (danish) return isoIfReal(Number(danish[3]), Number(danish[2]), Number(danish[1]));
  const iso = ISO.exec(trimmed);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/**
 * Whether `text` is written as a date (`31.02.2003`, `2003-02-31`) but names a day the calendar
 * does not have: the user gets "31.02.2003 findes ikke", not a lesson in the format.
 */
export function isImpossibleDate(text: string): boolean {
  const trimmed = text.trim();
  return (DANISH.test(trimmed) || ISO.test(trimmed)) && parseDate(trimmed) === null;
}

/** `2026-12-24` → `24.12.2026`; anything that is not an ISO date is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = ISO.exec(iso.slice(0, 10));
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** Today in Denmark (ISO `yyyy-mm-dd`), as the server judges dates: the default of a date field. */
export function danishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}
