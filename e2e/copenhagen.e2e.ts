import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Locator, Page } from 'playwright-core';
import { runCaseWorkJob } from '../server/jobs/case-work.ts';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import {
  COPENHAGEN,
  danishDaysAgo,
  isoDaysAgo,
  prepareCopenhagenCase,
} from './support/copenhagen.ts';
import {
  h1,
  heading,
  logIn,
  main,
  openBrowser,
  pathname,
  UUID,
  type Tab,
} from './support/session.ts';

/**
 * The fictional case at the end of Copenhagen's strategy (Københavns Kommune 2016, "Case om
 * radikalisering"), nine months of case work in Chromium: a 16-year-old, his father and his
 * younger sister. The coordinator finalises the 360° assessment, the caseworker drafts the
 * action plan and the coordinator approves it; mentors for both children; the father declines
 * a parent coach, the renewed offer three months later becomes a task and he accepts it;
 * follow-ups with a falling concern level and life-competence ratings; the case is on hold
 * while the boy has disappeared; the mentor sees only his own interventions; the caseworker
 * proposes closure with transfer to the ordinary system and the coordinator approves; six
 * months later the re-review confirms the closure. The case is inserted back-dated 300 days
 * (support/copenhagen.ts), so every date entered lies in the past and in order.
 * The steps build on each other and run in order.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney({
    prepare: async (db) => {
      await prepareCopenhagenCase(db);
    },
  });
});
afterAll(async () => {
  await journey?.stop();
});

const REF = COPENHAGEN.reference;
const MENTOR_TYPE = 'Mentorforløb med særligt uddannede mentorer';
const COACH_TYPE = 'Forældrecoachforløb';
const COACH_NAME = 'Demo Forældrecoach ApS';
const GOAL_SCHOOL = 'Bilal og Amira går i skole hver dag';
const SUB_GOAL = 'Bilal møder op til mindst 9 ud af 10 skoledage';
const GOAL_FATHER = 'Faderen støtter børnenes skolegang og møder op til skole-hjem-samtaler';
const OFFER_TASK = 'Tilbud om støtte (nyt tilbud eller svar)';
const ON_HOLD_REASON =
  'Bilal er ikke mødt op i skolen i to uger og kan ikke findes. Politiet og SSP er orienteret.';

/** One browser per user, logged in once (a TOTP code works only once per 30 s per user). */
let coordinator: Tab;
let caseworker: Tab;
let caseId = '';

const caseUrl = (path = '') => journey.url(`/sager/${caseId}${path}`);

/** A tab of the case page, by its name in the case's tab bar. */
async function openTab(page: Page, name: string, h2: string) {
  await page
    .getByRole('navigation', { name: 'Sagens dele' })
    .getByRole('link', { name, exact: true })
    .click();
  await heading(page, 2, h2).waitFor();
}

/** Console errors other than the 400 answers a step provokes on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 400/.test(e));

/** The case's status panel on the overview. */
const statusPanel = (page: Page) => page.getByRole('region', { name: 'Sagens status' });

/** The value after a term in a dkfds description list. */
const fact = (scope: Locator, term: string) => scope.locator(`dt:text-is("${term}") + dd`).first();

/** "Mine opgaver" filtered by a kind of task, and the link to this case's task of that kind. */
async function openTasks(page: Page, kind: string, label: string) {
  await page.goto(journey.url(`/opgaver?type=${kind}`));
  await h1(page, 'Mine opgaver').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /^Du har / })
    .waitFor();
  const filter = page.getByLabel('Vis opgaver af typen');
  expect(await filter.locator('option:checked').innerText()).toBe(label);
  return page.getByRole('link', { name: `${label} i ${REF}` });
}

describe('the Copenhagen case, from assessment to re-review, in Chromium', () => {
  it('lets the coordinator find the case and finalise the 360° assessment with high concern', async () => {
    coordinator = await openBrowser(journey);
    const { page, errors } = coordinator;
    await page.goto(journey.url('/sager'));
    await logIn(page, 'demo.tovholder');
    await h1(page, 'Sager').waitFor();
    const row = page.getByRole('table', { name: 'Dine sager' }).getByRole('row', { name: REF });
    await row.getByText(COPENHAGEN.son).waitFor();
    await row.getByRole('link', { name: REF }).click();
    await h1(page, `Sag ${REF}`).waitFor();
    expect(pathname(page)).toMatch(new RegExp(`^/sager/${UUID.source}$`));
    caseId = pathname(page).split('/')[2] ?? '';

    const persons = page.getByRole('table', { name: `Personer i sag ${REF}` });
    await persons
      .getByRole('row', { name: new RegExp(COPENHAGEN.father) })
      .getByText('Forælder')
      .waitFor();
    await persons
      .getByRole('row', { name: new RegExp(COPENHAGEN.sister) })
      .getByText('Yngre søskende')
      .waitFor();
    await main(page)
      .getByText(`Oprettet ${danishDaysAgo(COPENHAGEN.openedDaysAgo)}`)
      .waitFor();
    expect(await fact(statusPanel(page), 'Status').innerText()).toBe('Aktiv');
    expect(await fact(statusPanel(page), 'Bekymringsniveau').innerText()).toContain(
      'Ikke vurderet',
    );

    await openTab(page, 'Udredning', '360°-udredning');
    await page.getByRole('button', { name: 'Start udredning' }).click();
    await heading(page, 3, 'Kladde til udredning nr. 1').waitFor();
    const rhetoric = page.getByRole('group', { name: 'Holdninger og retorik', exact: true });
    await rhetoric
      .getByLabel('Risiko og trussel')
      .fill('Bilal har ved hjemmebesøget udtrykt støtte til IS og ønske om at rejse dertil.');
    await rhetoric
      .getByLabel('Trivsel og modstandskraft')
      .fill('Han er nysgerrig og vil gerne diskutere; han lytter til sin mentor fra fodbold.');
    await page
      .getByRole('group', { name: 'Familie', exact: true })
      .getByLabel('Risiko og trussel')
      .fill('Faderen deler sønnens holdninger; lillesøsteren Amira er bekymret og trækker sig.');
    await page
      .getByRole('group', { name: 'Uddannelse og beskæftigelse', exact: true })
      .getByLabel('Risiko og trussel')
      .fill('Stigende fravær i 9. klasse.');
    await page.getByRole('button', { name: 'Tilføj risikofaktor' }).click();
    await page.getByLabel('Risikofaktor 1').fill('Faderens støtte til IS');
    await page.getByRole('button', { name: 'Tilføj risikofaktor' }).click();
    await page.getByLabel('Risikofaktor 2').fill('Skolefravær');
    await page.getByRole('button', { name: 'Tilføj beskyttende faktor' }).click();
    await page.getByLabel('Beskyttende faktor 1').fill('Tæt relation til lillesøsteren');
    await page
      .getByLabel('Borgerens eget perspektiv')
      .fill('Bilal siger, at han bare vil have ro.');
    await page
      .getByLabel('Samlet faglig vurdering')
      .fill('Høj bekymring for Bilal; familien har brug for støtte som helhed.');
    await page.getByRole('radio', { name: 'Høj bekymring' }).check();
    await page
      .getByLabel('Anbefalede indsatser')
      .fill('Mentor til Bilal og Amira, forældrecoach til faderen.');
    await page.getByLabel('Hvor ofte der skal følges op').selectOption('30');
    await page.getByRole('button', { name: 'Afslut udredning' }).click();
    await page.getByRole('heading', { name: 'Vil du afslutte udredningen?' }).waitFor();
    await main(page)
      .getByText(/sagens bekymringsniveau bliver: Høj bekymring/)
      .waitFor();
    await page.getByRole('button', { name: 'Ja, afslut udredningen' }).click();
    await main(page)
      .getByText('Udredning nr. 1 er afsluttet. Sagens bekymringsniveau er nu: Høj bekymring.')
      .waitFor();
    await heading(page, 3, 'Gældende udredning (nr. 1)').waitFor();
    expect(await page.getByRole('button', { name: 'Start ny udredning' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await openTab(page, 'Overblik', 'Sagens status');
    await expect
      .poll(() => fact(statusPanel(page), 'Bekymringsniveau').innerText())
      .toContain('Høj bekymring');
    expect(errors).toEqual([]);
  });

  it('lets the caseworker draft the action plan with goals and send it for approval', async () => {
    caseworker = await openBrowser(journey);
    const { page, errors } = caseworker;
    await page.goto(caseUrl('/handleplan'));
    await logIn(page, 'demo.sagsbehandler');
    await heading(page, 2, 'Handleplan').waitFor();
    await main(page).getByText('Der er ingen handleplan i sagen endnu.').waitFor();
    await page.getByRole('button', { name: 'Opret handleplan' }).click();
    await heading(page, 3, 'Version 1 under udarbejdelse').waitFor();

    await page
      .getByLabel('Formål', { exact: true })
      .fill('Bilal og Amira fastholdes i skolen, og familien får støtte til at stå sammen.');
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    const goal1 = page.getByRole('group', { name: 'Mål 1', exact: true });
    await goal1.getByLabel('Målet', { exact: true }).first().fill(GOAL_SCHOOL);
    await goal1
      .getByLabel('Ansvarlig', { exact: true })
      .first()
      .selectOption({ label: 'Dennis Demo-Sagsbehandler' });
    await goal1.getByLabel('Tidsfrist').first().fill(isoDaysAgo(30));
    await goal1.getByLabel('Status', { exact: true }).first().selectOption({ label: 'I gang' });
    await page.getByRole('button', { name: 'Tilføj delmål til Mål 1' }).click();
    const sub = page.getByRole('group', { name: 'Delmål 1.1', exact: true });
    await sub.getByLabel('Målet', { exact: true }).fill(SUB_GOAL);
    await sub
      .getByLabel('Ansvarlig', { exact: true })
      .selectOption({ label: 'Dennis Demo-Sagsbehandler' });
    await sub.getByLabel('Tidsfrist').fill(isoDaysAgo(150));
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    const goal2 = page.getByRole('group', { name: 'Mål 2', exact: true });
    await goal2.getByLabel('Målet', { exact: true }).fill(GOAL_FATHER);
    await goal2.getByLabel('Tidsfrist').fill(isoDaysAgo(60));
    // A goal without a responsible person is refused, and the summary says which.
    await page.getByRole('button', { name: 'Send til godkendelse' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Der er problemer' })
      .getByRole('link', { name: 'Mål 2 – Ansvarlig: Vælg, hvem der er ansvarlig for målet.' })
      .waitFor();
    expect(await goal2.getByLabel('Ansvarlig', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await goal2.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: 'Anden person' });
    await goal2.getByLabel('Navn på den ansvarlige').fill('Omar (far)');

    await page.getByRole('button', { name: 'Tilføj aftale' }).click();
    await page.getByLabel('Aftale 1').fill('Bilal mødes med sin mentor hver tirsdag efter skole.');
    await page.getByRole('button', { name: 'Tilføj aftale' }).click();
    await page.getByLabel('Aftale 2').fill('Faderen deltager i fire samtaler med forældrecoachen.');
    await page.getByLabel('Borgerens egne ønsker').fill('»Jeg vil spille fodbold igen.«');
    await page
      .getByRole('group', { name: 'Har borgeren deltaget?' })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await page.getByLabel('Startdato').fill(isoDaysAgo(288));
    await page.getByLabel('Slutdato').fill(isoDaysAgo(-30));
    await page.getByLabel('Opfølgning hver (antal dage)').fill('30');
    await page.getByRole('button', { name: 'Send til godkendelse' }).click();
    await main(page).getByText('Handleplanen er sendt til godkendelse.').waitFor();
    await main(page)
      .getByText(/Sendt til godkendelse af Dennis Demo-Sagsbehandler den \d/)
      .waitFor();
    // Read only now, with the goals and who is responsible.
    await main(page).getByText(GOAL_FATHER).waitFor();
    await main(page)
      .getByText(/Ansvarlig: Omar \(far\)/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Godkend' }).count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    errors.length = 0;
  });

  it('lets the coordinator approve the plan from My tasks and download it as a PDF', async () => {
    const { page, errors } = coordinator;
    const task = await openTasks(page, 'plan_approval', 'Handleplan venter på godkendelse');
    await task.click();
    await heading(page, 2, 'Handleplan').waitFor();
    expect(pathname(page)).toBe(`/sager/${caseId}/handleplan`);
    await heading(page, 4, 'Godkend eller send retur').waitFor();
    await page.getByRole('button', { name: 'Godkend', exact: true }).click();
    await main(page).getByText('Handleplanen er godkendt.').waitFor();
    await heading(page, 3, 'Gældende handleplan (version 1)').waitFor();
    await main(page)
      .getByText(/^Godkendt af Anne Demo-Tovholder/)
      .waitFor();
    await main(page).getByText(SUB_GOAL).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const pdf = await page.request.get(
      journey.url(
        (await page
          .getByRole('link', { name: 'Hent handleplanen som PDF' })
          .getAttribute('href')) ?? '',
      ),
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(errors).toEqual([]);
  });

  it('lets the coordinator give both children a mentor and start the interventions', async () => {
    const { page, errors } = coordinator;
    await page.goto(caseUrl());
    await openTab(page, 'Indsatser og tilbud', 'Indsatser og tilbud');
    const create = page.getByRole('group', { name: 'Opret indsats' });
    for (const [person, role] of [
      [COPENHAGEN.son, 'Borger'],
      [COPENHAGEN.sister, 'Yngre søskende'],
    ] as const) {
      await create.getByLabel('Indsats', { exact: true }).selectOption({ label: MENTOR_TYPE });
      await create.getByLabel('Person').selectOption({ label: `${person} (${role})` });
      await create.getByRole('radio', { name: 'En medarbejder i kommunen' }).check();
      await create
        .getByLabel('Medarbejder', { exact: true })
        .selectOption({ label: 'Frederik Demo-Mentor' });
      await create
        .getByLabel('Formål (valgfrit)')
        .fill('Fastholdelse i skolen og en voksen at tale med.');
      await create.getByRole('button', { name: 'Opret indsats' }).click();
      await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();
      const item = page.getByRole('region', { name: `${MENTOR_TYPE} – ${person}` });
      await fact(item, 'Status').getByText('Planlagt').waitFor();
      await item.getByRole('radio', { name: 'Start indsatsen' }).check();
      await item.getByLabel('Startdato').fill(isoDaysAgo(280));
      await item.getByRole('button', { name: 'Gem status' }).click();
      await item.getByText('Indsatsen er startet.').waitFor();
      await fact(item, 'Status').getByText('I gang').waitFor();
      await fact(item, 'Periode')
        .getByText(`${danishDaysAgo(280)} – …`)
        .waitFor();
    }
    const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
    expect(await table.getByRole('row').count()).toBe(3);
    for (const person of [COPENHAGEN.son, COPENHAGEN.sister]) {
      const row = table.getByRole('row', { name: new RegExp(person) });
      await row.getByText('Frederik Demo-Mentor').waitFor();
      await row.getByText('I gang').waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('records the parent coach offered to the father and declined, which schedules two renewals', async () => {
    const { page, errors } = coordinator;
    const form = page.getByRole('group', { name: 'Registrér tilbud om frivillig støtte' });
    await form.getByLabel('Person').selectOption({ label: `${COPENHAGEN.father} (Forælder)` });
    await form.getByRole('radio', { name: 'Forældrecoach', exact: true }).check();
    await form.getByLabel('Indsats i kataloget (valgfri)').selectOption({ label: COACH_TYPE });
    await form.getByLabel('Dato for tilbuddet').fill(isoDaysAgo(285));
    await form.getByLabel('Bemærkning (valgfri)').fill('Tilbudt ved hjemmebesøget.');
    await form.getByRole('button', { name: 'Registrér tilbud' }).click();
    await form.getByText('Tilbuddet er registreret og venter på svar.').waitFor();

    const offers = page.getByRole('table', { name: `Tilbud om frivillig støtte i sag ${REF}` });
    const first = offers.getByRole('row', { name: /Første tilbud/ });
    await first.getByText('Venter på svar').waitFor();
    await first.getByRole('button', { name: 'Registrér svar' }).click();
    await first.getByRole('radio', { name: 'Takket nej' }).check();
    await first.getByLabel('Dato for svaret').fill(isoDaysAgo(280));
    await first
      .getByLabel('Bemærkning (valgfri)')
      .fill('Faderen vil ikke have »nogen ind i familien«.');
    await first.getByRole('button', { name: 'Gem svar' }).click();
    await main(page)
      .getByText(/^Svaret er registreret\. Nye tilbud er planlagt til \d\d\.\d\d\.\d{4} og/)
      .waitFor();
    await first.getByText(`Svar ${danishDaysAgo(280)}`).waitFor();
    await first.getByText('Takket nej').waitFor();
    const after3 = offers.getByRole('row', { name: /Nyt tilbud efter 3 måneder/ });
    const after6 = offers.getByRole('row', { name: /Nyt tilbud efter 6 måneder/ });
    await after3.getByText('Planlagt').waitFor();
    await after6.getByText('Planlagt').waitFor();
    expect(errors).toEqual([]);
  });

  it('puts the renewed offer on My tasks; the father accepts it and gets a parent coach', async () => {
    const { page, errors } = coordinator;
    const offers = page.getByRole('table', { name: `Tilbud om frivillig støtte i sag ${REF}` });
    // The renewal's due date, three months after the answer.
    const dueOn = (
      await offers
        .getByRole('row', { name: /Nyt tilbud efter 3 måneder/ })
        .getByRole('cell')
        .nth(3)
        .innerText()
    ).trim();
    expect(dueOn).toMatch(/^\d\d\.\d\d\.\d{4}$/);

    const task = await openTasks(page, 'offer_renewal', OFFER_TASK);
    const row = page.getByRole('row').filter({ has: task }).filter({ hasText: dueOn });
    await row.getByText('Overskredet').waitFor();
    // Both renewals are overdue by now: the one after 3 and the one after 6 months.
    expect(await task.count()).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await row.getByRole('link').click();
    await heading(page, 2, 'Indsatser og tilbud').waitFor();
    expect(pathname(page)).toBe(`/sager/${caseId}/indsatser`);

    const after3 = offers.getByRole('row', { name: /Nyt tilbud efter 3 måneder/ });
    await after3.getByRole('button', { name: 'Giv det nye tilbud' }).click();
    await after3.getByLabel('Dato for tilbuddet').fill(isoDaysAgo(185));
    await after3.getByRole('button', { name: 'Registrér tilbuddet' }).click();
    await main(page).getByText('Det nye tilbud er registreret og venter på svar.').waitFor();
    await after3.getByText('Venter på svar').waitFor();
    await after3.getByRole('button', { name: 'Registrér svar' }).click();
    await after3.getByRole('radio', { name: 'Takket ja' }).check();
    await after3.getByLabel('Dato for svaret').fill(isoDaysAgo(180));
    await after3.getByRole('button', { name: 'Gem svar' }).click();
    await main(page)
      .getByText('Svaret er registreret. Det senere planlagte tilbud er bortfaldet.')
      .waitFor();
    await after3.getByText('Takket ja').waitFor();
    await offers
      .getByRole('row', { name: /Nyt tilbud efter 6 måneder/ })
      .getByText('Bortfaldet')
      .waitFor();

    // The parent coach for the father, by an external provider.
    const create = page.getByRole('group', { name: 'Opret indsats' });
    await create.getByLabel('Indsats', { exact: true }).selectOption({ label: COACH_TYPE });
    await create.getByText('Nej', { exact: true }).waitFor(); // no consent needed
    await create.getByLabel('Person').selectOption({ label: `${COPENHAGEN.father} (Forælder)` });
    await create.getByRole('radio', { name: 'En ekstern udfører' }).check();
    await create.getByLabel('Navn på ekstern udfører').fill(COACH_NAME);
    await create.getByRole('button', { name: 'Opret indsats' }).click();
    await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();
    const coach = page.getByRole('region', { name: `${COACH_TYPE} – ${COPENHAGEN.father}` });
    await coach.getByRole('radio', { name: 'Start indsatsen' }).check();
    await coach.getByLabel('Startdato').fill(isoDaysAgo(175));
    await coach.getByRole('button', { name: 'Gem status' }).click();
    await coach.getByText('Indsatsen er startet.').waitFor();
    const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
    const coachRow = table.getByRole('row', { name: new RegExp(COPENHAGEN.father) });
    await coachRow.getByText(`${COACH_NAME} (ekstern)`).waitFor();
    await coachRow.getByText('I gang').waitFor();

    // The coach's organisation sends another coach: the provider changes, the history stays.
    await coach.getByText('Skift udfører').click();
    await coach.getByLabel('Navn på ekstern udfører').fill(`${COACH_NAME} 2`);
    await coach.getByRole('button', { name: 'Gem ny udfører' }).click();
    await coach.getByText('Udføreren er skiftet.').waitFor();
    await coachRow.getByText(`${COACH_NAME} 2 (ekstern)`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Nothing about the offer is left to do.
    const done = await openTasks(page, 'offer_renewal', OFFER_TASK);
    expect(await done.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('records three follow-ups with a falling concern level and life-competence ratings', async () => {
    const { page, errors } = coordinator;
    await page.goto(caseUrl());
    await openTab(page, 'Opfølgning', 'Opfølgning');
    await main(page).getByText('Aktuelt bekymringsniveau:').waitFor();
    const followUps = [
      {
        days: 240,
        level: 'Høj bekymring',
        summary: 'Bilal kommer i skole tre dage om ugen. Faderen har sagt nej til coach.',
        goal: 'I gang',
        ratings: { Netværk: '1', Rammer: '2', 'Fastholdelse i uddannelse': '1', Refleksion: '1' },
      },
      {
        days: 150,
        level: 'Moderat bekymring',
        summary: 'Faderen er i gang med forældrecoachen; Bilal taler om fodbold i stedet for IS.',
        goal: 'Delvist opnået',
        ratings: { Netværk: '2', Rammer: '3', 'Fastholdelse i uddannelse': '2', Refleksion: '2' },
      },
      {
        days: 60,
        level: 'Lav bekymring',
        summary: 'Bilal og Amira går i skole hver dag. Bilal er begyndt på et fodboldhold.',
        goal: 'Opnået',
        ratings: { Netværk: '3', Rammer: '4', 'Fastholdelse i uddannelse': '4', Refleksion: '3' },
      },
    ];
    // A follow-up dated before the case was opened is refused.
    await page
      .getByRole('button', { name: 'Registrér en opfølgning, der ikke var planlagt' })
      .click();
    const early = page.getByRole('region', {
      name: 'Registrér en opfølgning, der ikke var planlagt',
    });
    await early.getByLabel('Dato for opfølgningen').fill(isoDaysAgo(COPENHAGEN.openedDaysAgo + 5));
    await early.getByRole('radio', { name: 'Høj bekymring' }).check();
    await early.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await early
      .getByRole('alert')
      .getByRole('link', {
        name: 'Dato for opfølgningen: Datoen kan ikke ligge før den dag, sagen blev oprettet.',
      })
      .waitFor();
    await early.getByRole('button', { name: 'Luk uden at gemme' }).click();
    await main(page).getByText('Der er endnu ikke registreret nogen opfølgninger.').waitFor();
    expect(unexpected(errors)).toEqual([]);
    errors.length = 0;

    for (const f of followUps) {
      await page
        .getByRole('button', { name: 'Registrér en opfølgning, der ikke var planlagt' })
        .click();
      const form = page.getByRole('region', {
        name: 'Registrér en opfølgning, der ikke var planlagt',
      });
      await form.getByLabel('Dato for opfølgningen').fill(isoDaysAgo(f.days));
      await form.getByRole('radio', { name: f.level }).check();
      await form.getByLabel('Resumé').fill(f.summary);
      await form
        .getByRole('group', { name: GOAL_SCHOOL, exact: true })
        .getByLabel('Status nu')
        .selectOption({ label: f.goal });
      const competences = form.getByRole('group', { name: 'Livskompetencer (valgfrit)' });
      for (const [competence, rating] of Object.entries(f.ratings)) {
        await competences
          .getByRole('group', { name: competence, exact: true })
          .getByRole('radio', { name: rating, exact: true })
          .check();
      }
      await form.getByRole('button', { name: 'Gem opfølgningen' }).click();
      await main(page)
        .getByText(`Opfølgningen den ${danishDaysAgo(f.days)} er registreret.`)
        .waitFor();
    }
    await main(page)
      .getByText('Aktuelt bekymringsniveau:')
      .locator('..')
      .getByText('Lav bekymring')
      .waitFor();

    const held = page.getByRole('region', { name: 'Afholdte opfølgninger' });
    await heading(page, 4, `Opfølgning ${danishDaysAgo(150)}`).waitFor();
    await held.getByText(`${GOAL_SCHOOL}: Delvist opnået`).waitFor();
    const steps = page.getByRole('region', { name: 'Bekymringsniveauet over tid' });
    expect((await steps.getByRole('listitem').allInnerTexts()).map((s) => s.trim())).toEqual([
      `${danishDaysAgo(240)}: Høj bekymring (→ Uændret)`,
      `${danishDaysAgo(150)}: Moderat bekymring (↓ Ned)`,
      `${danishDaysAgo(60)}: Lav bekymring (↓ Ned)`,
    ]);

    const chart = page.getByRole('table', { name: 'Livskompetencer ved hver opfølgning' });
    expect(await chart.getByRole('columnheader').allInnerTexts()).toEqual([
      'Kompetence',
      danishDaysAgo(240),
      danishDaysAgo(150),
      danishDaysAgo(60),
    ]);
    const cells = async (name: string) =>
      (
        await chart
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .getByRole('cell')
          .allInnerTexts()
      ).map((s) => s.trim());
    expect(await cells('Netværk')).toEqual(['1', '2', '3']);
    expect(await cells('Fastholdelse i uddannelse')).toEqual(['1', '2', '4']);
    expect(await chart.getByRole('row', { name: /^Empati/ }).count()).toBe(0);
    expect(await page.locator('svg.follow-up-svg').count()).toBe(4);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await openTab(page, 'Overblik', 'Sagens status');
    await expect
      .poll(() => fact(statusPanel(page), 'Bekymringsniveau').innerText())
      .toContain('Lav bekymring');
    expect(errors).toEqual([]);
  });

  it('puts the case on hold while the boy has disappeared, then resumes it', async () => {
    const { page, errors } = coordinator;
    const panel = statusPanel(page);
    await panel.getByLabel('Begrundelse', { exact: true }).fill(ON_HOLD_REASON);
    await panel.getByRole('button', { name: 'Sæt sagen i bero' }).click();
    await expect.poll(() => fact(panel, 'Status').innerText()).toBe('Sat i bero');
    expect(await fact(panel, 'Begrundelse').innerText()).toBe(ON_HOLD_REASON);
    expect(await fact(panel, 'I bero til').innerText()).toBe('Ingen dato');
    await main(page).locator('.case-badge').getByText('Sat i bero').first().waitFor();

    await panel.getByRole('button', { name: 'Genoptag sagen' }).click();
    await expect.poll(() => fact(panel, 'Status').innerText()).toBe('Aktiv');
    await panel.getByRole('button', { name: 'Sæt sagen i bero' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the mentor only the two interventions he provides, and takes his session note', async () => {
    const mentor = await openBrowser(journey);
    const { page, errors } = mentor;
    await page.goto(journey.url('/sager'));
    await logIn(page, 'demo.mentor');
    await h1(page, 'Sager').waitFor();
    await page.getByRole('link', { name: REF }).click();
    await h1(page, `Sag ${REF}`).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Sagens dele' }).getByRole('link');
    expect(await tabs.allInnerTexts()).toEqual(['Overblik', 'Indsatser og tilbud']);
    await openTab(page, 'Indsatser og tilbud', 'Indsatser og tilbud');
    await main(page)
      .getByText(/Du har kun adgang til de indsatser i sagen, som du selv udfører/)
      .waitFor();
    const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
    await table.getByRole('row', { name: new RegExp(COPENHAGEN.son) }).waitFor();
    await table.getByRole('row', { name: new RegExp(COPENHAGEN.sister) }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    const text = await main(page).innerText();
    expect(text).not.toContain(COPENHAGEN.father);
    expect(text).not.toContain(COACH_TYPE);
    expect(text).not.toContain('Tilbud om frivillig støtte');
    expect(text).not.toContain('Samtykker');

    const item = page.getByRole('region', { name: `${MENTOR_TYPE} – ${COPENHAGEN.son}` });
    const note = 'Vi spillede fodbold og talte om skolen. Bilal vil gerne tage 10. klasse.';
    await item.getByLabel('Dato for mødet').fill(isoDaysAgo(20));
    await item.getByLabel('Notat', { exact: true }).fill(note);
    await item.getByRole('button', { name: 'Gem notat' }).click();
    await item.getByText('Notatet er gemt.').waitFor();
    const sessions = item.getByRole('region', { name: 'Notater fra forløbet' });
    await sessions.getByText(note).waitFor();
    await sessions
      .getByText(new RegExp(`^Møde ${danishDaysAgo(20)} · skrevet af Frederik Demo-Mentor`))
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets the caseworker propose closure with transfer to the ordinary system', async () => {
    const { page, errors } = caseworker;
    await page.goto(caseUrl());
    await h1(page, `Sag ${REF}`).waitFor();
    await openTab(page, 'Afslutning', 'Afslutning og genvurdering');
    const form = page.locator('form.closure-propose');
    await form.getByRole('heading', { name: 'Indstil til afslutning' }).waitFor();
    await form
      .getByRole('radio', { name: 'Overdraget til det almindelige system (vælg enhed)' })
      .check();
    await form.getByLabel('Overdraget til enhed').selectOption({ label: 'Børn og Unge' });
    await form
      .getByLabel('Begrundelse', { exact: true })
      .fill(
        'Efter ni måneder er bekymringen lav: begge børn går i skole, og faderen samarbejder. Familien overdrages til Børn og Unge.',
      );
    const goals = form.getByRole('group', { name: 'Status for målene i handleplanen' });
    await goals.getByLabel(GOAL_SCHOOL, { exact: true }).selectOption({ label: 'Opnået' });
    await goals.getByLabel(`Delmål: ${SUB_GOAL}`).selectOption({ label: 'Opnået' });
    await goals.getByLabel(GOAL_FATHER, { exact: true }).selectOption({ label: 'Delvist opnået' });
    const interventions = form.getByRole('group', { name: 'Hvad sker der med indsatserne?' });
    const disposition = (type: string, person: string) =>
      interventions.getByRole('group', { name: `${type} for ${person}` });
    await disposition(MENTOR_TYPE, COPENHAGEN.son)
      .getByRole('radio', { name: 'Fortsætter uden for sagen' })
      .check();
    await disposition(MENTOR_TYPE, COPENHAGEN.sister)
      .getByRole('radio', { name: 'Afsluttes' })
      .check();
    await disposition(COACH_TYPE, COPENHAGEN.father)
      .getByRole('radio', { name: 'Afsluttes' })
      .check();
    await form.getByRole('button', { name: 'Indstil til afslutning' }).click();
    await main(page)
      .getByText('Sagen er indstillet til afslutning. Sagens tovholdere har fået besked.')
      .waitFor();
    await main(page)
      .getByText('Sagen er indstillet til afslutning og venter på en tovholders godkendelse.')
      .waitFor();
    const proposal = page.getByRole('article', {
      name: /^Indstilling .* – venter på godkendelse$/,
    });
    await fact(proposal, 'Udfald')
      .getByText('Overdraget til det almindelige system (vælg enhed): Børn og Unge')
      .waitFor();
    expect(await proposal.getByRole('button', { name: 'Godkend afslutning' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets the coordinator approve the closure from My tasks; re-reviews are scheduled', async () => {
    const { page, errors } = coordinator;
    const task = await openTasks(page, 'closure_approval', 'Afslutning venter på godkendelse');
    await task.click();
    await heading(page, 2, 'Afslutning og genvurdering').waitFor();
    const proposal = page.getByRole('article', {
      name: /^Indstilling .* – venter på godkendelse$/,
    });
    const dispositions = proposal.getByRole('table', { name: 'Indsatserne ved afslutningen' });
    await dispositions
      .getByRole('row', { name: new RegExp(COPENHAGEN.son) })
      .getByText('Fortsætter uden for sagen')
      .waitFor();
    await proposal.getByRole('button', { name: 'Godkend afslutning' }).click();
    await page.getByRole('article', { name: /^Indstilling .* – godkendt$/ }).waitFor();
    await main(page)
      .getByText(/^Sagen blev afsluttet .*Den genvurderes 6 og 12 måneder/)
      .waitFor();
    await main(page).locator('.case-badge').getByText('Afsluttet').first().waitFor();
    const reviews = page.getByRole('table', { name: 'Genvurderinger efter afslutningen' });
    await reviews
      .getByRole('row', { name: /Efter 6 måneder/ })
      .getByText('Planlagt')
      .waitFor();
    await reviews
      .getByRole('row', { name: /Efter 12 måneder/ })
      .getByText('Planlagt')
      .waitFor();
    // The 12-month re-review is not due yet: a date, not a form.
    await main(page)
      .getByText(/^Genvurderingen efter 12 måneder kan registreres fra \d{2}\.\d{2}\.\d{4}\.$/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await openTab(page, 'Indsatser og tilbud', 'Indsatser og tilbud');
    await main(page)
      .getByText(/Sagen er afsluttet eller til genvurdering/)
      .waitFor();
    const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
    await table
      .getByRole('row', { name: new RegExp(COPENHAGEN.father) })
      .getByText('Afsluttet')
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('puts the case under re-review six months later, and the re-review confirms the closure', async () => {
    await journey.offline(async (db) => {
      await db
        .updateTable('case_reviews')
        // Six months on; three days more, so a review due on the 31st is not still ahead.
        .set({ due_on: sql`(due_on - interval '6 months' - interval '3 days')::date` })
        .where('case_id', '=', caseId)
        .where('status', '=', 'scheduled')
        .execute();
      const result = await runCaseWorkJob(db, new Date());
      expect(result.reviewsDue).toBe(1);
    });
    const { page, errors } = coordinator;
    await page.goto(caseUrl());
    await h1(page, `Sag ${REF}`).waitFor();
    await expect.poll(() => fact(statusPanel(page), 'Status').innerText()).toBe('Til genvurdering');
    await statusPanel(page)
      .getByText('Sagen skal genvurderes: bekræft afslutningen, eller genåbn sagen.')
      .waitFor();

    const task = await openTasks(page, 'review', 'Genvurdering af afsluttet sag');
    await task.click();
    await heading(page, 2, 'Afslutning og genvurdering').waitFor();
    const form = page
      .locator('form.closure-review')
      .filter({ has: page.getByRole('heading', { name: /^Genvurdering efter 6 måneder/ }) });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Bekræft afslutningen' }).check();
    await form
      .getByLabel('Bemærkning (valgfrit)')
      .fill('Bilal går i 10. klasse og spiller fodbold; familien har kontakt med Børn og Unge.');
    await form
      .getByRole('group', { name: 'Vurderes borgeren ikke længere at være i risiko?' })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await form.getByRole('button', { name: 'Gem genvurderingen' }).click();
    // The form goes away with the review it recorded; the page says it was saved.
    await form.waitFor({ state: 'detached' });
    await main(page).getByText('Genvurderingen er gemt.').waitFor();
    const reviews = page.getByRole('table', { name: 'Genvurderinger efter afslutningen' });
    const six = reviews.getByRole('row', { name: /Efter 6 måneder/ });
    await six.getByText('Afslutningen bekræftet').waitFor();
    expect((await six.getByRole('cell').allInnerTexts()).map((s) => s.trim()).slice(3)).toEqual([
      danishDaysAgo(0),
      'Ja',
      '–',
    ]);
    await reviews
      .getByRole('row', { name: /Efter 12 måneder/ })
      .getByText('Planlagt')
      .waitFor();
    // The 12-month re-review is not due yet: a date, not a form.
    await main(page)
      .getByText(/^Genvurderingen efter 12 måneder kan registreres fra \d{2}\.\d{2}\.\d{4}\.$/)
      .waitFor();
    await main(page)
      .getByText(/^Sagen blev afsluttet .*Den genvurderes 6 og 12 måneder/)
      .waitFor();

    await openTab(page, 'Overblik', 'Sagens status');
    await expect.poll(() => fact(statusPanel(page), 'Status').innerText()).toBe('Afsluttet');
    expect(await fact(statusPanel(page), 'Bekymringsniveau').innerText()).toContain(
      'Lav bekymring',
    );
    expect(errors).toEqual([]);
  });

  it('tells the whole story in the chronology, filterable by kind', async () => {
    const { page, errors } = coordinator;
    const chronology = page.getByRole('region', { name: 'Forløb' });
    const events = chronology.locator('li.case-event');
    const kinds = events.locator('.case-event-head strong');
    await events.first().waitFor();
    const more = chronology.getByRole('button', { name: 'Vis flere' });
    while (await more.isVisible()) {
      const shown = await events.count();
      await more.click();
      await expect.poll(() => events.count()).toBeGreaterThan(shown);
    }
    const all = new Set(await kinds.allInnerTexts());
    for (const kind of [
      'Sagen oprettet',
      'Udredning afsluttet',
      'Handleplan sendt til godkendelse',
      'Handleplan godkendt',
      'Indsats oprettet',
      'Indsatsnotat',
      'Tilbud givet',
      'Svar på tilbud',
      'Opfølgning gennemført',
      'Status ændret',
      'Afslutning indstillet',
      'Sagen afsluttet',
      'Genvurdering gennemført',
    ]) {
      expect(all, kind).toContain(kind);
    }
    // Newest first: the re-review on top, the case opened 300 days ago at the bottom.
    expect(await kinds.first().innerText()).toBe('Genvurdering gennemført');
    expect(await kinds.last().innerText()).toBe('Sagen oprettet');

    await chronology.getByLabel('Vis hændelser af typen').selectOption({ label: 'Status ændret' });
    await expect
      .poll(async () => (await kinds.allInnerTexts()).every((k) => k === 'Status ændret'))
      .toBe(true);
    const statusTexts = await events.allInnerTexts();
    expect(
      statusTexts.some((s) => s.includes(ON_HOLD_REASON) && s.includes('Aktiv → Sat i bero')),
    ).toBe(true);
    expect(statusTexts.some((s) => s.includes('Sat i bero → Aktiv'))).toBe(true);
    await chronology
      .getByRole('status')
      .getByText(`Viser ${statusTexts.length} hændelser.`)
      .waitFor();
    expect(errors).toEqual([]);
  });
});
