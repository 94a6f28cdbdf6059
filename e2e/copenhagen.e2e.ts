import { afterAll, beforeAll, describe, it } from 'vitest';
import { startJourney } from './support/browser.ts';
import { prepareCopenhagenCase } from './support/copenhagen.ts';
import { Story } from './support/copenhagen-story.ts';
import {
  approvePlan,
  draftPlan,
  finaliseAssessment,
} from './support/copenhagen-steps-assessment-plan.ts';
import {
  acceptRenewedOffer,
  declineParentCoach,
  startMentors,
} from './support/copenhagen-steps-interventions-offers.ts';
import {
  holdAndResume,
  recordFollowUps,
  takeMentorNote,
} from './support/copenhagen-steps-follow-ups-hold.ts';
import {
  approveClosure,
  confirmClosureAtReReview,
  proposeClosure,
  readChronology,
} from './support/copenhagen-steps-closure-review.ts';

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
 * The steps build on each other and run in order. Their bodies are in
 * support/copenhagen-steps-*.ts, one module per phase; each hands the story on to the next
 * (the browsers logged in, the case's id) in `story` (support/copenhagen-story.ts).
 */
const story = new Story();

beforeAll(async () => {
  story.journey = await startJourney({
    prepare: async (db) => {
      await prepareCopenhagenCase(db);
    },
  });
});
afterAll(async () => {
  await story.journey?.stop();
});

describe('the Copenhagen case, from assessment to re-review, in Chromium', () => {
  it('lets the coordinator find the case and finalise the 360° assessment with high concern', async () => {
    await finaliseAssessment(story);
  });

  it('lets the caseworker draft the action plan with goals and send it for approval', async () => {
    await draftPlan(story);
  });

  it('lets the coordinator approve the plan from My tasks and download it as a PDF', async () => {
    await approvePlan(story);
  });

  it('lets the coordinator give both children a mentor and start the interventions', async () => {
    await startMentors(story);
  });

  it('records the parent coach offered to the father and declined, which schedules two renewals', async () => {
    await declineParentCoach(story);
  });

  it('puts the renewed offer on My tasks; the father accepts it and gets a parent coach', async () => {
    await acceptRenewedOffer(story);
  });

  it('records three follow-ups with a falling concern level and life-competence ratings', async () => {
    await recordFollowUps(story);
  });

  it('puts the case on hold while the boy has disappeared, then resumes it', async () => {
    await holdAndResume(story);
  });

  it('shows the mentor only the two interventions he provides, and takes his session note', async () => {
    await takeMentorNote(story);
  });

  it('lets the caseworker propose closure with transfer to the ordinary system', async () => {
    await proposeClosure(story);
  });

  it('lets the coordinator approve the closure from My tasks; re-reviews are scheduled', async () => {
    await approveClosure(story);
  });

  it('puts the case under re-review six months later, and the re-review confirms the closure', async () => {
    await confirmClosureAtReReview(story);
  });

  it('tells the whole story in the chronology, filterable by kind', async () => {
    await readChronology(story);
  });
});
