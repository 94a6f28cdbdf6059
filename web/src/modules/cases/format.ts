import i18n, { currentLanguage } from '../../app/i18n';

/**
 * Dates and times as Danish users expect them (12.03.2026, 14.05), always in Danish time: the
 * records are Danish, whoever reads them and wherever their computer's clock is set.
 */
const TIME_ZONE = 'Europe/Copenhagen';

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'da-DK';
}

/** A date-time from the API (ISO 8601) as date and time, e.g. "12.03.2026 kl. 14.05". */
export function formatDateTime(iso: string): string {
  return i18n.t('cases.format.dateTime', { date: formatDay(iso), time: formatTime(iso) });
}

/** Only the day of a date-time from the API, e.g. "12.03.2026". */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

/** Only the time of a date-time from the API, e.g. "14.05". */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone: TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A calendar date from the API (YYYY-MM-DD), e.g. "02.05.2010"; no time zone shift. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route parameters are ids only; anything else is a page that does not exist. */
export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}
