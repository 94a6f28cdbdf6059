import { z } from 'zod';
import { ProcessingRecordSchema } from './schema.ts';

/**
 * The data protection impact assessment template (GDPR art. 35) as its page and PDF show it:
 * the processing described (the record of processing, art. 30), necessity and proportionality,
 * the risks to the citizens' rights each with the measures the product takes, and the blanks of
 * the municipality's own assessment and sign-off. Every text in the reader's language.
 */
const Entry = z.object({ code: z.string(), text: z.string() });

export const DpiaSchema = z.object({
  processing: ProcessingRecordSchema,
  description: z.string(),
  necessity: z.array(Entry),
  risks: z.array(
    Entry.extend({
      measures: z.array(Entry.extend({ enforced: z.boolean() })),
    }),
  ),
  /** The questions the municipality answers per risk (left blank by the product). */
  riskBlanks: z.array(Entry),
  /** The municipality's conclusion and sign-off (left blank). */
  signOff: z.array(Entry),
});
export type Dpia = z.infer<typeof DpiaSchema>;
