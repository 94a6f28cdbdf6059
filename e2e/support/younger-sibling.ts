import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { danishDaysAgo } from './copenhagen.ts';
import { danishDateAgo } from './inquiries.ts';
import { h1, type Tab } from './session.ts';

/**
 * What the steps of the younger-sibling journey (e2e/younger-sibling.e2e.ts) share: the story's
 * state as one step hands it to the next, the fictional family and the words the steps look for.
 * The steps are in younger-sibling-steps-*.ts, by phase. Names are fictional and say "Demo";
 * CPR numbers are made from the birth dates (the product checks the date, not a modulus).
 */
export class SiblingStory {
  /** Set before the first step (beforeAll). */
  journey!: Journey;
  /** The case's coordinator, logged in once (a TOTP code works only once per 30 s per user). */
  coordinator!: Tab;
  /** The second coordinator, who approves the closure (four-eyes). */
  second!: Tab;
  /** The school's inquiry's reference and the case's id and reference, as the steps learn them. */
  inquiryReference = '';
  caseId = '';
  caseReference = '';
}

/** dd.mm.åååå as ddmmyy plus the last four digits (a seventh digit of 4: born 2000–2036). */
const cprOf = (danishDate: string, lastFour: string) =>
  `${danishDate.slice(0, 2)}${danishDate.slice(3, 5)}${danishDate.slice(8, 10)}-${lastFour}`;

const GIRL_BORN = danishDateAgo(14, 100);
const BROTHER_BORN = danishDateAgo(19, 200);

export const FAMILY = {
  girl: { given: 'Yasmin Demo', family: 'Karimi', born: GIRL_BORN, cpr: cprOf(GIRL_BORN, '4218') },
  brother: {
    given: 'Adam Demo',
    family: 'Karimi',
    born: BROTHER_BORN,
    cpr: cprOf(BROTHER_BORN, '4317'),
  },
  mother: { given: 'Leila Demo', family: 'Karimi', born: '12.03.1981', cpr: '120381-2946' },
} as const;
export const GIRL = `${FAMILY.girl.given} ${FAMILY.girl.family}`;
export const BROTHER = `${FAMILY.brother.given} ${FAMILY.brother.family}`;
export const MOTHER = `${FAMILY.mother.given} ${FAMILY.mother.family}`;

/** A date `days` ago as the documents print it: "1. december 2026". */
export const longDanishDaysAgo = (days: number) =>
  new Intl.DateTimeFormat('da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(Date.now() - days * 86_400_000));

/** The school wrote a week before the coordinator registered the letter. */
export const RECEIVED_DAYS_AGO = 7;
export const RECEIVED_ON = danishDaysAgo(RECEIVED_DAYS_AGO);
/** The school's mentor began meeting the girl before the case was registered. */
export const MENTOR_STARTED_DAYS_AGO = 5;

export const MENTOR_TYPE = 'Mentorforløb med særligt uddannede mentorer';
export const COACH_TYPE = 'Forældrecoachforløb';
export const COACH_NAME = 'Demo Forældrecoach ApS';
export const FAMILY_TALKS_TYPE = 'Gruppe- og familiesamtaler';
export const FAMILY_TALKS_PROVIDER = 'Demo Familiehuset';
export const SECOND_COORDINATOR = 'Bo Demo-Koordinator';
export const ABROAD =
  'Familien er rejst til mormoderens begravelse i udlandet og er væk i mindst tre uger.';
export const HOME_AGAIN = 'Familien er hjemme igen; Yasmin er tilbage i skolen fra mandag.';

/** The start page's work list section with this caption, and its link to a task of the case. */
export async function workListTask(page: Page, journey: Journey, section: string, task: string) {
  await page.goto(journey.url('/'));
  await h1(page, 'Tovholder').waitFor();
  const table = page.getByRole('table', { name: section });
  await table.waitFor();
  const link = table.getByRole('link', { name: task });
  if ((await link.count()) > 0) return link;
  // The section shows its first tasks; the rest are behind its "see all" in Mine opgaver.
  await page
    .getByRole('region', { name: new RegExp(`^${section} \\(\\d+\\)$`) })
    .getByRole('link', { name: /^Se alle \d+ i Mine opgaver$/ })
    .click();
  await h1(page, 'Mine opgaver').waitFor();
  return page.getByRole('link', { name: task });
}

/** A person's row in the case's persons table, with its role. */
export async function expectPersonRole(page: Page, reference: string, name: string, role: string) {
  const row = page
    .getByRole('table', { name: `Personer i sag ${reference}` })
    .getByRole('row', { name: new RegExp(name) });
  await row.getByText(role, { exact: true }).waitFor();
  expect(await row.count()).toBe(1);
}
