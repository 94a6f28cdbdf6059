import { z } from 'zod';
import { AddablePersonRoleSchema } from '../../../shared/values.ts';
import { RoleSchema } from '../../access/roles.ts';
import { Version } from '../../platform/primitives.ts';
import { NewPersonSchema } from '../inquiries/schema.ts';

/** Request and response shapes of the persons and members of a case (people.ts), for the web too. */

export const CasePersonParams = z.object({ id: z.uuid(), personId: z.uuid() }).strict();

/**
 * A person added to the case with a role: an existing registration the caller may see (found
 * through the possible-duplicates look-up), or a new person. The case's version is the lock.
 */
export const AddCasePersonBody = z
  .object({
    version: Version,
    role: AddablePersonRoleSchema,
    existingPersonId: z.uuid().optional(),
    new: NewPersonSchema.optional(),
  })
  .strict();
export type AddCasePerson = z.infer<typeof AddCasePersonBody>;

/** A person taken out of the case, with the reason (it goes into the chronology). */
export const RemoveCasePersonBody = z
  .object({
    version: Version,
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type RemoveCasePerson = z.infer<typeof RemoveCasePersonBody>;

/** A parent of the case marked as holding custody (forældremyndighed), or not. */
export const CustodyBody = z.object({ version: Version, custodyHolder: z.boolean() }).strict();
export type Custody = z.infer<typeof CustodyBody>;

export const CasePersonChangeSchema = z.object({
  personId: z.uuid(),
  /** The case's new version. */
  version: z.number().int(),
});

export const MemberCandidateQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name'),
  })
  .strict();

export const MemberCandidateListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      roles: z.array(RoleSchema),
      units: z.array(z.string()),
    }),
  ),
});
export type MemberCandidates = z.infer<typeof MemberCandidateListSchema>;
