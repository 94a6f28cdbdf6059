import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MUNICIPALITY_CODE } from '../server/demo/seed.ts';
import { startJourney, type Journey } from './support/browser.ts';
import {
  expectAxeClean,
  prepareForumMeeting,
  type ForumMeetingSetup,
} from './support/meetings-steps.ts';
import { heading, logIn, main, openBrowser } from './support/session.ts';

/**
 * Issue 14's journey in Chromium, for a model-3 municipality (Demo Kommune): the chair
 * demo.tovholder prepares the Tværfagligt forum's monthly meeting from the builder's proposals
 * (two inquiries handed to the forum, a follow-up due, a 6-month re-review; the records are set
 * up in the database, see support/meetings-steps.ts), invites the police contact and an ad hoc
 * school counsellor to one item each, writes minutes that act on the records and approves them;
 * then the steering group's agenda holds the numbers only. Last, the municipality changes to
 * model 1 and only the Infohus Kommune meetings remain. The steps build on each other.
 */
let journey: Journey;
let page: Page;
let errors: string[];
let setup: ForumMeetingSetup;

beforeAll(async () => {
  journey = await startJourney({
    prepare: async (db) => {
      setup = await prepareForumMeeting(db);
    },
  });
  ({ page, errors } = await openBrowser(journey));
  await page.goto(journey.url('/moeder'));
  await logIn(page, 'demo.tovholder');
});
afterAll(async () => {
  await journey?.stop();
});

const item = (kind: string, reference: string) =>
  main(page)
    .getByRole('listitem')
    .filter({ hasText: `${kind}: ${reference}` });

describe('a model-3 forum meeting in Chromium', () => {
  it('lists the meetings and opens the forum meeting', async () => {
    await heading(page, 1, 'Møder og fora').waitFor();
    const table = main(page).getByRole('table', { name: 'Møder' });
    await table
      .getByRole('row', { name: /Tværfagligt forum/ })
      .first()
      .waitFor();
    await table
      .getByRole('row', { name: /Styregruppen/ })
      .first()
      .waitFor();
    await expectAxeClean(page);
    await page.goto(journey.url(`/moeder/${setup.meetingId}`));
    await main(page).getByRole('table', { name: 'Deltagere' }).waitFor();
    await expectAxeClean(page);
  });

  it('builds the agenda from the proposals: two inquiries, a follow-up and a re-review', async () => {
    // The police contact joins only the item she is invited to: no longer a member.
    await main(page).getByRole('button', { name: 'Fjern Eva Demo-Politi' }).click();
    await main(page)
      .getByRole('table', { name: 'Deltagere' })
      .getByRole('rowheader', { name: 'Eva Demo-Politi' })
      .waitFor({ state: 'detached' });
    await main(page).getByRole('link', { name: 'Dagsorden' }).click();
    await heading(page, 2, 'Forslag til dagsordenen').waitFor();
    const proposals = [
      ['Henvendelse', setup.inquiries[0]],
      ['Henvendelse', setup.inquiries[1]],
      ['Opfølgning', setup.followUpCase],
      ['Genvurdering', setup.reReviewCase],
    ] as const;
    for (const [kind, reference] of proposals) {
      await main(page)
        .getByRole('button', { name: `Tilføj ${kind} ${reference}`, exact: true })
        .click();
      await item(kind, reference).filter({ hasText: 'På dagsordenen' }).waitFor();
    }
    const list = main(page).locator('ol.agenda-list > li');
    expect(await list.count()).toBe(4);
    await item('Genvurdering', setup.reReviewCase).first().waitFor();
    await expectAxeClean(page);
  });

  it('invites the police contact and an external school counsellor to one item each', async () => {
    await heading(page, 2, 'Gæster til et punkt').waitFor();
    const user = main(page).locator('#agenda-guest-user');
    await user.getByLabel('Person').selectOption({ label: 'Eva Demo-Politi' });
    await user.getByLabel('Punkt').selectOption({ label: `1. Henvendelse: ${setup.inquiries[0]}` });
    await user.getByRole('button', { name: 'Inviter til punktet' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Eva Demo-Politi er inviteret til punktet.' })
      .waitFor();

    const external = main(page).locator('#agenda-guest-external');
    // Without a name nothing is invited: the message stands on the field.
    await external.getByRole('button', { name: 'Inviter ekstern gæst' }).click();
    await page.getByRole('alert').filter({ hasText: 'Der er problemer' }).waitFor();
    await external.getByLabel('Navn').fill('Sofie Skolevejleder');
    await external.getByLabel('Organisation (valgfri)').fill('Demo Skole');
    await external.getByLabel('E-mail (valgfri)').fill('sofie@demo-skole.example');
    await external
      .getByLabel('Punkt')
      .selectOption({ label: `3. Opfølgning: ${setup.followUpCase}` });
    await external.getByRole('button', { name: 'Inviter ekstern gæst' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Sofie Skolevejleder er inviteret til punktet.' })
      .waitFor();
    await expectAxeClean(page);

    await main(page).getByRole('link', { name: 'Tilbage til mødet' }).click();
    const participants = main(page).getByRole('table', { name: 'Deltagere' });
    await participants
      .getByRole('row', { name: /Eva Demo-Politi/ })
      .getByRole('cell', { name: 'Gæst til ét punkt' })
      .waitFor();
    await main(page)
      .getByRole('table', { name: 'Eksterne gæster' })
      .getByRole('rowheader', { name: 'Sofie Skolevejleder' })
      .waitFor();
  });

  it('shows the police contact only the item she is invited to', async () => {
    const police = await openBrowser(journey);
    await police.page.goto(journey.url(`/moeder/${setup.meetingId}/dagsorden`));
    await logIn(police.page, 'demo.politi');
    await heading(police.page, 1, 'Dagsorden').waitFor();
    await main(police.page).locator('.agenda-hidden').waitFor();
    const text = (await main(police.page).textContent()) ?? '';
    for (const reference of [setup.inquiries[1], setup.followUpCase, setup.reReviewCase]) {
      expect(text).not.toContain(reference);
    }
    expect(await main(police.page).locator('ol.agenda-list > li').count()).toBeLessThanOrEqual(1);
    await police.context.close();
  });

  it('writes minutes that decide an inquiry, change a concern level and confirm the re-review', async () => {
    await main(page).getByRole('link', { name: 'Referat' }).click();
    await main(page).getByRole('button', { name: 'Begynd referatet' }).click();
    await heading(page, 2, 'Punkter').waitFor();
    await expectAxeClean(page);

    const card = (reference: string) =>
      main(page).getByRole('article').filter({ hasText: reference });
    const decide = async (
      reference: string,
      kind: string,
      fill: (c: ReturnType<typeof card>) => Promise<void>,
    ) => {
      const c = card(reference);
      await c
        .getByRole('combobox', { name: 'Beslutning', exact: true })
        .selectOption({ label: kind });
      await fill(c);
      await c.getByRole('button', { name: 'Gennemfør beslutningen' }).click();
      await c.getByText(/^Gennemført:/).waitFor();
    };
    await decide(setup.inquiries[0], 'Afgørelse af henvendelsen', async (c) => {
      await c.getByLabel('Udfald').selectOption({ label: 'Radikaliseringsbekymring' });
      await c.getByLabel('Begrundelse').fill('Forummet vurderer en radikaliseringsbekymring.');
      await c.getByLabel('Ekstremismeform').selectOption({ label: 'Højreekstremisme' });
    });
    // The decision opened a case: the inquiry's own page says so and links to it.
    const href = await card(setup.inquiries[0])
      .getByRole('link', { name: setup.inquiries[0] })
      .getAttribute('href');
    const inquiryPage = await page.context().newPage();
    await inquiryPage.goto(journey.url(href ?? '/'));
    await main(inquiryPage)
      .getByRole('status')
      .filter({ hasText: /S-\d{4}-\d{4}/ })
      .waitFor();
    await inquiryPage.close();
    await decide(setup.followUpCase, 'Nyt bekymringsniveau', async (c) => {
      await c.getByLabel('Bekymringsniveau').selectOption({ label: 'Høj bekymring' });
    });
    await decide(setup.reReviewCase, 'Genvurdering af afsluttet sag', async (c) => {
      await c
        .getByLabel('Resultat af genvurderingen')
        .selectOption({ label: 'Afslutningen fastholdes' });
    });
    // The second inquiry is handed to the police at the meeting, with the recipient named.
    await decide(setup.inquiries[1], 'Afgørelse af henvendelsen', async (c) => {
      await c.getByLabel('Udfald').selectOption({ label: 'Overdraget til politiet' });
      await c.getByLabel('Begrundelse').fill('Forummet overdrager sagen til politiet.');
      await c.getByLabel('Overdraget til (hos politiet)').fill('Politikommissær Demo Hansen');
    });
    await expectAxeClean(page);
  });

  it('adds two tasks and the chair approves the minutes, which become read-only', async () => {
    const tasks = main(page).getByRole('region', { name: 'Opgaver' });
    for (const [description, responsible] of [
      ['Indkald familien til samtale', 'Anne Demo-Tovholder'],
      ['Orienter skolen om forløbet', 'Dennis Demo-Sagsbehandler'],
    ] as const) {
      const add = tasks.getByRole('button', { name: 'Tilføj opgaven' });
      // The form is free again (the last task saved and the list fetched) before it is filled.
      await expect.poll(() => add.isEnabled()).toBe(true);
      await tasks.getByLabel('Opgave').fill(description);
      await tasks.getByLabel('Ansvarlig').selectOption({ label: responsible });
      await tasks.getByLabel('Frist').fill('01.02.2099');
      await tasks.getByText(`${description.length} af højst 2.000 tegn`).waitFor();
      await add.click();
      await tasks.getByRole('listitem').filter({ hasText: description }).waitFor();
    }
    await main(page).getByRole('button', { name: 'Godkend referatet' }).click();
    await main(page)
      .getByText(
        'Referatet er godkendt og kan ikke ændres. Lav en ny version, hvis det skal rettes.',
      )
      .waitFor();
    expect(await main(page).getByRole('button', { name: 'Gem punktet' }).count()).toBe(0);
    expect(await main(page).getByRole('button', { name: 'Gennemfør beslutningen' }).count()).toBe(
      0,
    );
    await expectAxeClean(page);
  });

  it("puts the chair's task from the minutes in her Mine opgaver", async () => {
    await page.goto(journey.url('/opgaver?type=meeting_task'));
    await heading(page, 1, 'Mine opgaver').waitFor();
    // A task of the meeting (no record) links to the minutes that gave it.
    await main(page).locator(`a[href="/moeder/${setup.meetingId}/referat"]`).first().waitFor();
  });

  it("shows the steering group's numbers with small cells suppressed and no names", async () => {
    await page.goto(journey.url(`/moeder/${setup.steeringMeetingId}/dagsorden`));
    await heading(page, 2, 'Forslag til dagsordenen').waitFor();
    await main(page)
      .getByRole('button', { name: /^Tilføj Tal og tendenser/ })
      .click();
    await main(page).locator('ol.agenda-list > li').first().waitFor();
    await heading(page, 2, 'Tal').waitFor();
    await main(page).getByText('under 5').first().waitFor();
    const text = (await main(page).textContent()) ?? '';
    for (const reference of [...setup.inquiries, setup.followUpCase, setup.reReviewCase]) {
      expect(text).not.toContain(reference);
    }
    expect(text).not.toMatch(/Demo Nielsen|Demo Hansen/);
    await expectAxeClean(page);
  });

  it('in model 1 only the Infohus Kommune meetings remain', async () => {
    await journey.offline(async (db) => {
      await db
        .updateTable('municipality_settings')
        .set({ organisation_model: 1 })
        .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
        .execute();
    });
    await page.goto(journey.url('/moeder'));
    const table = main(page).getByRole('table', { name: 'Møder' });
    await table
      .getByRole('row', { name: /Infohus Kommune-møde/ })
      .first()
      .waitFor();
    expect(await table.getByRole('row', { name: /Forummøde|Styregruppemøde/ }).count()).toBe(0);
    await page.goto(journey.url(`/moeder/${setup.meetingId}`));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await main(page).getByRole('link', { name: 'Dagsorden' }).count()).toBe(0);
    // A new meeting is offered for the Infohus Kommune forum only.
    await page.goto(journey.url('/moeder/ny'));
    const forums = main(page).getByLabel('Forum', { exact: true });
    await forums.locator('option', { hasText: 'Demo Infohus' }).waitFor({ state: 'attached' });
    const offered = await forums.locator('option').allTextContents();
    expect(offered).not.toContain('Tværfagligt forum');
    expect(offered).not.toContain('Styregruppen');
    await expectAxeClean(page);
    expect(errors.filter((e) => !/status of (400|404|422)/.test(e))).toEqual([]);
  });
});
