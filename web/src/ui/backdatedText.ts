import i18n, { currentLanguage } from '../app/i18n';
import type { BackdateReason } from '../../../shared/values.ts';

/**
 * How a back-dated record is shown (issue 12): its real date with when it was registered and
 * why, "13. marts 2026 (registreret 20. marts 2026, registreret for sent)", and for an inquiry
 * received long before it was registered, "modtaget 10 dage før den blev registreret" instead of
 * an overdue count. Days are Danish calendar days.
 */
const TIME_ZONE = 'Europe/Copenhagen';

/** "13. marts 2026" from an ISO date or date-time, in Danish time. */
export function longDate(iso: string): string {
  const value = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(value);
}

/** The real date, when it was registered and why. */
export function backdatedText(
  happenedOn: string,
  registeredAt: string,
  reason: BackdateReason,
): string {
  return i18n.t('form.backdate.shown', {
    happened: longDate(happenedOn),
    registered: longDate(registeredAt),
    reason: i18n.t(`form.backdate.inText.${reason}`),
  });
}

function danishDay(iso: string): number {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(new Date(iso));
  return Date.parse(`${day}T00:00:00Z`);
}

/** Whole Danish calendar days from receipt to registration. */
export function daysBeforeRegistration(receivedAt: string, registeredAt: string): number {
  return Math.round((danishDay(registeredAt) - danishDay(receivedAt)) / 86_400_000);
}

/** "modtaget 10 dage før den blev registreret". */
export function receivedBeforeText(receivedAt: string, registeredAt: string): string {
  const days = daysBeforeRegistration(receivedAt, registeredAt);
  return days === 1
    ? i18n.t('form.backdate.receivedBeforeOneDay', { days })
    : i18n.t('form.backdate.receivedBeforeDays', { days });
}
