import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { getSettings } from '../modules/inquiries/settings.ts';
import { demoInquirySteps, demoUsers } from './inquiries-setup.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * A fictional report about a child (underretning efter Barnets lov, issue 12) in Demo Kommune: a
 * school's report about a 14-year-old, received two hours ago, marked as a report by
 * demo.tovholder, the assessment of immediate help recorded (no immediate help needed) and the
 * acknowledgement e-mailed to the school's fictional address (.invalid: it can never be delivered;
 * without TOVHOLDER_SMTP_URL it waits in the outbox, "venter på at blive sendt"); and a daycare's
 * report about a 5-year-old, marked as a report in the intake itself, with its assessment and
 * acknowledgement still to do. Each recorded once (the intake's idempotency key), also on
 * installations seeded before reports about children existed. Every name says Demo.
 */
export async function seedDemoChildReports(
  db: Kysely<DB>,
  keys: { secret: Buffer; audit: Buffer },
): Promise<void> {
  const users = await demoUsers(db);
  const tovholder = users.get('demo.tovholder');
  if (!tovholder) return;
  const steps = demoInquirySteps(db, keys, await getSettings(db, DEMO_MUNICIPALITY_CODE));
  const year = new Date().getUTCFullYear() - 14;
  const id = await steps.record(tovholder, 'child-report-1', {
    source: 'teacher',
    channel: 'email',
    reporter: { name: 'Skoleleder Demo Holm', contact: 'skoleleder@demo-skole.invalid' },
    receivedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    observation:
      'Emil har flere gange i timerne sagt, at "de fremmede" skal "have en lærestreg", og har tegnet symboler fra en voldelig gruppe i sine hæfter. Han virker trist og isoleret.',
    subjectKind: 'person',
    persons: [{ new: { givenName: 'Emil Demo', familyName: 'Holm', birthDate: `${year}-04-09` } }],
    signs: [{ code: 'totalitarian_symbols' }, { code: 'poor_wellbeing' }],
  });
  if (id) {
    await steps.childReport(
      tovholder,
      id,
      'Talt med skolelederen og klasselæreren: Emil er i skole og hjemme hos sin mor. Ingen tegn på, at han er i fare lige nu.',
      'skoleleder@demo-skole.invalid',
    );
  }
  // A daycare's report about a 5-year-old, marked as a report in the intake itself: its
  // assessment of immediate help and its acknowledgement are still to do (the start page lists them).
  await steps.record(tovholder, 'child-report-daycare-1', {
    source: 'daycare',
    channel: 'phone',
    reporter: { name: 'Pædagog Demo Lund', contact: 'Demo Børnehus, tlf. 55 66 77 88' },
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    observation:
      'Sofie fortæller i legen, at hendes storebror siger, at "de andre" skal dø, og hun har tegnet en figur med et våben og et symbol, hun siger, broren har lært hende.',
    subjectKind: 'person',
    persons: [
      { new: { givenName: 'Sofie Demo', familyName: 'Lund', birthDate: `${year + 9}-02-11` } },
    ],
    signs: [{ code: 'poor_wellbeing' }],
    childReport: true,
  });
}
