import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startJourney, type Journey } from './support/browser.ts';
import {
  addZonesAndBasement,
  BASEMENT,
  createHousingArea,
  NEW_AREA,
  seeAreaInAccessibleList,
} from './support/areas-areas-steps.ts';
import {
  openImplementationFollowUp,
  reviewChecklist,
  updateItemWithEvidence,
} from './support/areas-impl-steps.ts';
import {
  approveAreaPlan,
  CONNECTOR,
  followUpAreaGoal,
  writeAreaAnalysis,
  writeAreaPlan,
} from './support/areas-plans-steps.ts';
import {
  closeAndSystematise,
  contribute,
  expectChanges,
  openRound,
  openRounds,
  startRound,
} from './support/areas-rounds-steps.ts';
import {
  recordAndFollowUpCourse,
  seeInquiryWithArea,
  sendYoungerBrotherForm,
} from './support/areas-work-steps.ts';
import { browserOf, grantHousingPartner, setTeamForum } from './support/housing-areas-journey.ts';
import { logIn, openBrowser, type Tab } from './support/session.ts';

/**
 * Issue 16's journey in Chromium (Boligområdemodellen), on a new area of Demo Kommune: the
 * coordinator demo.tovholder records "Vestergården" with three zones and a basement hang-out and
 * finds them in the map's accessible list, gives it Nørrevangs områdeteam and grants the housing
 * partner; two quarterly mapping rounds collect from the coordinator, a team member (demo.forum)
 * and the partner (demo.boligsocial), each in their own browser, and the second finds a positive
 * connector the overview shows as new; the partner's tool 4a form about a younger brother becomes
 * an inquiry; demo.tovholder2 writes the analysis and an action plan using the connector, which
 * demo.tovholder approves (four-eyes) and follows up; an upskilling course for 25 front-line staff;
 * the implementation checklist updated and reviewed. The steps build on each other; no page logs
 * a console error.
 */
let journey: Journey;
let coordinator: Tab;
let page: Page;
const tabs: Tab[] = [];
let areaId = '';
let forum: Tab;
let partner: Tab;

beforeAll(async () => {
  journey = await startJourney();
  coordinator = await openBrowser(journey);
  tabs.push(coordinator);
  page = coordinator.page;
  await page.goto(journey.url('/boligomraader'));
  await logIn(page, 'demo.tovholder');
});
afterAll(async () => {
  await journey?.stop();
});

describe('a housing area mapped, analysed and followed up in Chromium', () => {
  it('records Vestergården by typing its outline', async () => {
    areaId = await createHousingArea(page, journey);
  });

  it('adds three zones (one imported as GeoJSON) and the basement hang-out', async () => {
    await addZonesAndBasement(page);
  });

  it('shows them in the map and its accessible list, asking no other server', async () => {
    await seeAreaInAccessibleList(page);
  });

  it("sets the area's team forum and grants the housing partner", async () => {
    await setTeamForum(page);
    await grantHousingPartner(page);
  });

  it('holds a first quarterly round with three contributors', async () => {
    const rounds = `/boligomraader/${areaId}/kortlaegning`;
    await openRounds(journey, page, areaId);
    await startRound(
      page,
      1,
      'SSP-konsulent; boligsocial medarbejder, Boligselskabet Vestergården',
    );
    forum = await browserOf(journey, 'demo.forum', rounds);
    partner = await browserOf(journey, 'demo.boligsocial', rounds);
    tabs.push(forum, partner);
    for (const [tab, contribution] of [
      [
        coordinator,
        {
          category: 'Sted',
          stance: 'udfordring',
          label: BASEMENT,
          description: 'Samlingssted sent om aftenen.',
        },
      ],
      [
        forum,
        {
          category: 'Tegn i området',
          stance: 'udfordring',
          sign: 'Mange unge i risiko for kriminalitet',
          label: 'Unge omkring indkøbscentret om aftenen',
        },
      ],
      [
        partner,
        {
          category: 'Forening eller fællesskab',
          stance: 'ressource',
          label: 'Lektiecaféen i beboerhuset',
        },
      ],
    ] as const) {
      await openRounds(journey, tab.page, areaId);
      await openRound(tab.page, 1);
      await contribute(tab.page, contribution);
    }
    await openRounds(journey, page, areaId);
    await openRound(page, 1);
    await closeAndSystematise(page, 1);
  });

  it('holds the second round, which finds the positive connector, and shows what changed', async () => {
    await openRounds(journey, page, areaId);
    await startRound(page, 2, 'SSP-konsulent; boligsocial medarbejder; træner i bokseklubben');
    for (const [tab, contribution] of [
      [coordinator, { category: 'Sted', stance: 'udfordring', label: BASEMENT }],
      [
        forum,
        {
          category: 'Positiv forbinder',
          stance: 'ressource',
          label: CONNECTOR,
          howToReach: 'via klubbens formand, tirsdag aften i hallen',
        },
      ],
      [
        partner,
        {
          category: 'Forening eller fællesskab',
          stance: 'ressource',
          label: 'Lektiecaféen i beboerhuset',
        },
      ],
    ] as const) {
      await openRounds(journey, tab.page, areaId);
      await openRound(tab.page, 2);
      await contribute(tab.page, contribution);
    }
    await openRounds(journey, page, areaId);
    await openRound(page, 2);
    await closeAndSystematise(page, 2);
    await expectChanges(page, [{ label: CONNECTOR, change: 'Nyt' }]);
  });

  let reference = '';
  it("the partner's tool 4a form about a younger brother becomes an inquiry", async () => {
    reference = await sendYoungerBrotherForm(partner.page, journey, areaId);
  });

  it('the coordinator sees it in the inbox with the area', async () => {
    await seeInquiryWithArea(page, journey, reference, NEW_AREA);
  });

  it('demo.tovholder2 writes the area analysis and an action plan using the connector', async () => {
    const author = await browserOf(journey, 'demo.tovholder2', `/boligomraader/${areaId}/analyse`);
    tabs.push(author);
    await writeAreaAnalysis(author.page, journey, areaId);
    await writeAreaPlan(author.page, journey, areaId);
  });

  it('demo.tovholder approves the plan (four-eyes) and follows up a goal', async () => {
    await approveAreaPlan(page, journey, areaId);
    await followUpAreaGoal(page);
  });

  it('records and follows up an upskilling course for 25 front-line staff', async () => {
    await recordAndFollowUpCourse(page, journey, areaId);
  });

  it('updates an item of the implementation checklist with evidence and reviews it', async () => {
    await openImplementationFollowUp(page, journey);
    await updateItemWithEvidence(page);
    await reviewChecklist(page);
  });

  it('logged no console error on any page', () => {
    expect(tabs.flatMap((tab) => tab.errors)).toEqual([]);
  });
});
