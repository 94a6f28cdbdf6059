import { z } from 'zod';

/**
 * The record of processing (GDPR art. 30) as the admin page and its PDF show it: every entry a
 * code and its words in the reader's language, built from facts.ts and the municipality's
 * settings. `configured: false` marks what nothing in the product configures.
 */
const Entry = z.object({ code: z.string(), text: z.string() });

export const ProcessingRecordSchema = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  generatedAt: z.iso.datetime(),
  controller: z.string(),
  dataProtectionOfficer: z.object({ configured: z.boolean(), text: z.string() }),
  purposes: z.array(Entry),
  legalBases: z.array(Entry),
  dataSubjects: z.array(Entry),
  categories: z.array(Entry),
  recipients: z.array(Entry),
  thirdCountries: z.string(),
  retention: z.array(Entry.extend({ configured: z.boolean() })),
  security: z.array(Entry),
});
export type ProcessingRecord = z.infer<typeof ProcessingRecordSchema>;
