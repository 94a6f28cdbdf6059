import { z } from 'zod';

/**
 * Guidance where the work happens (issue 15 part 6): each text has a key, a default in the web
 * app's i18n (web/src/modules/guidance/locales) and, per municipality, an optional replacement
 * its administrator writes (guidance_overrides, 0050). Shown collapsed next to the fields it
 * helps with.
 */
export const GuidanceKeySchema = z.enum([
  // The definitions of extremism and radicalisation (PET/NCFE).
  'definitions',
  // The caution about concern signs: signs are not proof, context matters.
  'concernSignsCaution',
  // The practice sheets' advice for each step of meeting the citizen.
  'meetingContact',
  'meetingPreparation',
  'meetingHeld',
  'meetingRoundingOff',
  // The reflection questions for the action plan and for the area plan.
  'actionPlanReflection',
  'areaPlanReflection',
  // The network analysis map (tool 6): how to draw it, and what never goes on it.
  'networkMap',
  'networkMapPrivacy',
  // The housing-area model's cautions on the identification forms (tools 4a and 4b).
  'identificationCaution',
]);
export type GuidanceKey = z.infer<typeof GuidanceKeySchema>;
export const GUIDANCE_KEYS = GuidanceKeySchema.options;

export const GUIDANCE_TEXT_MAX = 4000;
