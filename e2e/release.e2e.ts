import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSmtpServer } from '../server/test/smtp.ts';
import { startJourney } from './support/browser.ts';
import { prepareRelease, RELEASE_SECRET_KEY, ReleaseStory } from './support/release.ts';
import { inviteKsp, kspPartnerView } from './support/release-steps-ksp.ts';
import { consentAndInviteJobcenter, withdrawConsent } from './support/release-steps-consent.ts';
import { accessRequestPackage } from './support/release-steps-access.ts';

/**
 * The release path in Copenhagen's plan (issue 13) in Chromium: a 19-year-old in prison with a
 * radicalisation concern. Kriminalforsorgen is invited into his case under retsplejeloven § 115
 * (KSP) for the last six months of the sentence and sees the goals of the joint release plan that
 * concern them, and writes back; a jobcenter is added with his written consent (the signed form
 * recorded as returned), and when he withdraws the consent the jobcenter's access ends at once;
 * finally he gets his access request package, reviewed by one data-protection user and approved
 * by another, with no employee names and without the withheld item. The steps build on each
 * other and run in order; their bodies are in support/release-steps-*.ts, one module per phase,
 * and hand the story on in `story` (support/release.ts).
 */
const story = new ReleaseStory();

beforeAll(async () => {
  story.smtp = await startSmtpServer();
  story.journey = await startJourney({
    env: {
      TOVHOLDER_SECRET_KEY: RELEASE_SECRET_KEY,
      // The invitation e-mail reaches the test's own SMTP server within seconds.
      TOVHOLDER_SMTP_URL: story.smtp.url,
      TOVHOLDER_JOB_INTERVAL_SECONDS: '5',
    },
    prepare: async (db) => {
      const { caseId, personId } = await prepareRelease(db);
      story.caseId = caseId;
      story.personId = personId;
    },
  });
});
afterAll(async () => {
  await story.journey?.stop();
  await story.smtp?.close();
});

describe('a young man’s release from prison, with Kriminalforsorgen and a jobcenter, in Chromium', () => {
  it('invites Kriminalforsorgen under § 115 (KSP) for the last six months of the sentence', async () => {
    await inviteKsp(story);
  });

  it('shows Kriminalforsorgen the release plan’s goals granted to them, and takes their contribution back', async () => {
    await kspPartnerView(story);
  });

  it('records his written consent for the jobcenter, the signed form returned, and invites a new jobcenter consultant on it, who activates her account from the e-mail', async () => {
    await consentAndInviteJobcenter(story);
  });

  it('ends the jobcenter’s access at once when he withdraws the consent', async () => {
    await withdrawConsent(story);
  });

  it('produces his access request package: reviewed, approved by a second user, released, and read', async () => {
    await accessRequestPackage(story);
  });
});
