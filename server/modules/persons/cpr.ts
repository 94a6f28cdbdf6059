/**
 * Danish CPR numbers: DDMMYY-SSSS. The seventh digit and the year give the century (CPR
 * office rules); the date must exist. The modulus-11 check is not required: numbers without it
 * have been issued since 2007.
 */
export interface ParsedCpr {
  /** Ten digits, no dash. */
  digits: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

function century(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5–8
}

/** Parses '0102031234' or '010203-1234'; undefined when it is not a valid CPR number. */
export function parseCpr(input: string): ParsedCpr | undefined {
  const match = /^([0-9]{2})([0-9]{2})([0-9]{2})-?([0-9])([0-9]{3})$/.exec(input.trim());
  if (!match) return undefined;
  const [, dd, mm, yy, seventh, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const year = century(Number(yy), Number(seventh)) + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return {
    digits: `${dd}${mm}${yy}${seventh}${rest}`,
    birthDate: `${String(year).padStart(4, '0')}-${mm}-${dd}`,
  };
}

/** DDMMYY-XXXX: the birth-date part only. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-XXXX`;
}

/** DDMMYY-SSSS, for the unmasked view of case members. */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
