import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations, startJourney } from './support/browser.ts';
import { CitizenStory, dayOf, prepareSaraCase } from './support/citizen-meetings.ts';
import {
  failedTries,
  holdMeeting,
  prepareMeeting,
  reflect,
  throughTheAunt,
} from './support/citizen-meetings-steps.ts';
import { danishDaysAgo } from './support/copenhagen.ts';
import {
  addRelation,
  changeRelation,
  comparedChanges,
  drawNetworkMapVersion,
  openNetworkMap,
  removeRelation,
} from './support/network-map-steps.ts';

/**
 * Meeting the citizen (issue 15) in Chromium: a 19-year-old woman who has refused contact. The
 * coordinator records three failed tries by phone, text and letter — the contact bar shows the
 * run — and the fourth through her aunt as bridge-builder, who gets a yes to a meeting. The first
 * meeting is prepared with a colleague check and the risk check, whose precautions show on the
 * meeting; it is held with agreements and a lifeline (refused at first without a way to reach the
 * aunt), and the one-page summary for her is downloaded as a PDF. The team's reflection feeds the
 * next preparation. Her network map is drawn at the first meeting and again three months later —
 * each version says which day it describes ("Kortet beskriver dagen"), so the first is dated the
 * meeting's day — and the two are compared side by side. The case is inserted back-dated 130 days
 * (support/citizen-meetings.ts), so every date entered lies in the past and in order; axe checks
 * the contact section, the forms and the map with its table. Step bodies are in
 * support/citizen-meetings-steps.ts and support/network-map-steps.ts.
 */
const story = new CitizenStory();

beforeAll(async () => {
  story.journey = await startJourney({
    prepare: async (db) => {
      story.caseId = await prepareSaraCase(db);
    },
  });
});
afterAll(async () => {
  await story.journey?.stop();
});

describe('meeting a young woman who refused contact, and her network map, in Chromium', () => {
  it('records three tries through different channels that do not reach her; the next try is a task', async () => {
    await failedTries(story);
  });

  it('records the fourth try through her aunt as bridge-builder, which ends the run and the task', async () => {
    await throughTheAunt(story);
  });

  it('prepares the first meeting with a colleague check and the risk check, whose precautions show on it', async () => {
    await prepareMeeting(story);
  });

  it('holds the meeting with agreements and a lifeline, and downloads the summary PDF for her', async () => {
    await holdMeeting(story);
  });

  it('records the reflection, which the next preparation starts from', async () => {
    await reflect(story);
  });

  it('draws her network map at the first meeting', async () => {
    const { page, errors } = story.coordinator;
    await openNetworkMap(story.journey, page, story.caseId);
    await page.getByText('Vejledning: Sådan tegner I netværkskortet').waitFor();
    await drawNetworkMapVersion(page, {
      occasion: 'Første møde',
      edit: async (p) => {
        await p.getByLabel('Kortet beskriver dagen').fill(dayOf('meeting'));
        await addRelation(p, {
          sector: 'Familie',
          role: 'hendes moster',
          closeness: '1 – tæt',
          quality: 'Beskyttende',
        });
        await addRelation(p, {
          sector: 'Familie',
          role: 'hendes far',
          closeness: '3 – fjern',
          quality: 'Blandet',
        });
        await addRelation(p, {
          sector: 'Online',
          role: 'chatgruppe med højreekstreme budskaber',
          closeness: '1 – tæt',
          quality: 'Risikabel',
        });
        await addRelation(p, {
          sector: 'Det ekstremistiske miljø',
          role: 'et højreekstremt onlinemiljø',
          closeness: '2 – mellem',
          quality: 'Risikabel',
        });
      },
    });
    const table = page.getByRole('table', {
      name: `Netværkskortet som tabel, Version 1 (${dayOf('meeting')})`,
    });
    await table.getByRole('rowheader', { name: 'hendes moster' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('draws it again three months later and compares the two side by side', async () => {
    const { page, errors } = story.coordinator;
    const today = danishDaysAgo(0);
    await drawNetworkMapVersion(page, {
      occasion: 'Tre måneder efter',
      edit: async (p) => {
        await p.getByLabel('Kortet beskriver dagen').fill(today);
        await changeRelation(p, 'hendes far', { closeness: '2 – mellem', quality: 'Beskyttende' });
        await changeRelation(p, 'chatgruppe med højreekstreme budskaber', {
          closeness: '3 – fjern',
        });
        await removeRelation(p, 'et højreekstremt onlinemiljø');
        await addRelation(p, {
          sector: 'Skole eller arbejde',
          role: 'uddannelsesvejleder',
          closeness: '2 – mellem',
          quality: 'Beskyttende',
        });
      },
    });
    const changes = await comparedChanges(page);
    const all = changes.join('\n');
    for (const role of [
      'hendes far',
      'chatgruppe med højreekstreme budskaber',
      'et højreekstremt onlinemiljø',
      'uddannelsesvejleder',
    ]) {
      expect(all).toContain(role);
    }
    expect(all).not.toContain('hendes moster');
    // Side by side: both versions drawn, each named by the day it describes.
    const sides = page.locator('.network-side-by-side .network-side');
    await sides.nth(1).waitFor();
    expect(await sides.count()).toBe(2);
    await page
      .getByRole('heading', { level: 4, name: `Version 1 (${dayOf('meeting')})` })
      .waitFor();
    await page.getByRole('heading', { level: 4, name: `Version 2 (${today})` }).waitFor();
    await page.locator('.network-side-by-side [data-ready="true"]').nth(1).waitFor();
    // The comparison and the map's accessible table are axe-clean.
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
