import { z } from 'zod';

/**
 * What a partner invited into one case may see and do (issue 13 part 1), defined once for the
 * server and the web:
 * - `overview`: the case's neutral facts (reference, status, the coordinator and how to reach
 *   them, the citizen's name and birth date);
 * - `planGoals`: the goals of the current plan that the coordinator picked;
 * - `ownInterventions`: the interventions the coordinator picked (those the partner delivers);
 * - `contributions`: the partner may write a contribution back, visible to the case team.
 * The compartment (the concern itself) is never a partner's part: no seeded basis allows it.
 */
export const PartnerPartSchema = z.enum([
  'overview',
  'planGoals',
  'ownInterventions',
  'contributions',
]);
export type PartnerPart = z.infer<typeof PartnerPartSchema>;
export const PARTNER_PARTS = PartnerPartSchema.options;

/**
 * Where an invitation stands today: live, ended early by the case's coordinator, past its end
 * date, or without the consent it rests on (withdrawn).
 */
export const PartnerAccessStatusSchema = z.enum([
  'active',
  'ended',
  'expired',
  'consent_withdrawn',
  // The case is closed: the partner's view ends with it (review 6).
  'case_closed',
  // The partner organisation was deactivated (review 7).
  'organisation_inactive',
  // The legal basis no longer fits (edited, out of force): re-checked at every read (review 7).
  'basis_not_valid',
]);
export type PartnerAccessStatus = z.infer<typeof PartnerAccessStatusSchema>;
