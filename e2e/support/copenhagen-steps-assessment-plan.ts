import { expect } from 'vitest';
import { seriousA11yViolations } from './browser.ts';
import { COPENHAGEN, danishDaysAgo, isoDaysAgo } from './copenhagen.ts';
import {
  caseUrl,
  fact,
  GOAL_FATHER,
  GOAL_SCHOOL,
  openTab,
  openTasks,
  REF,
  statusPanel,
  SUB_GOAL,
  unexpected,
  type Story,
} from './copenhagen-story.ts';
import { h1, heading, logIn, main, openBrowser, pathname, UUID } from './session.ts';

/**
 * The Copenhagen journey's first phase: the coordinator finalises the 360° assessment, the
 * caseworker drafts the action plan, and the coordinator approves it.
 * Each step goes on from where the one before it left the case (e2e/copenhagen.e2e.ts).
 */

/** Step: lets the coordinator find the case and finalise the 360° assessment with high concern. */
export async function finaliseAssessment(story: Story) {
  story.coordinator = await openBrowser(story.journey);
  const { page, errors } = story.coordinator;
  await page.goto(story.journey.url('/sager'));
  await logIn(page, 'demo.tovholder');
  await h1(page, 'Sager').waitFor();
  const row = page.getByRole('table', { name: 'Dine sager' }).getByRole('row', { name: REF });
  await row.getByText(COPENHAGEN.son).waitFor();
  await row.getByRole('link', { name: REF }).click();
  await h1(page, `Sag ${REF}`).waitFor();
  expect(pathname(page)).toMatch(new RegExp(`^/sager/${UUID.source}$`));
  story.caseId = pathname(page).split('/')[2] ?? '';

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
  expect(await fact(statusPanel(page), 'Bekymringsniveau').innerText()).toContain('Ikke vurderet');

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
  await page.getByLabel('Borgerens eget perspektiv').fill('Bilal siger, at han bare vil have ro.');
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
}

/** Step: lets the caseworker draft the action plan with goals and send it for approval. */
export async function draftPlan(story: Story) {
  story.caseworker = await openBrowser(story.journey);
  const { page, errors } = story.caseworker;
  await page.goto(caseUrl(story, '/handleplan'));
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
}

/** Step: lets the coordinator approve the plan from My tasks and download it as a PDF. */
export async function approvePlan(story: Story) {
  const { page, errors } = story.coordinator;
  const task = await openTasks(
    story.journey,
    page,
    'plan_approval',
    'Handleplan venter på godkendelse',
  );
  await task.click();
  await heading(page, 2, 'Handleplan').waitFor();
  expect(pathname(page)).toBe(`/sager/${story.caseId}/handleplan`);
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
    story.journey.url(
      (await page.getByRole('link', { name: 'Hent handleplanen som PDF' }).getAttribute('href')) ??
        '',
    ),
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect(errors).toEqual([]);
}
