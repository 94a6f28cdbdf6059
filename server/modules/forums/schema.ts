import { z } from 'zod';
import { Version } from '../../platform/primitives.ts';
import { RoleSchema } from '../../access/roles.ts';
import { MunicipalityCodeSchema } from '../organisation/schema.ts';
import {
  ForumKindSchema,
  MeetingCadenceSchema,
  OrganisationModelSchema,
} from '../../../shared/organisation-model.ts';

/**
 * Request and response shapes of the forums (samarbejdsfora, e.g. "Infohus", "SSP-forum"):
 * the forum that handles an inquiry during its assessment, and its members. Request objects are
 * strict (unknown fields are rejected); the response schemas are the presenters.
 */

/** The user roles that may sit in a forum. */
export const FORUM_MEMBER_ROLES = [
  'coordinator',
  'forum_member',
  'police_contact',
  'caseworker',
] as const;

const ForumName = z.string().trim().min(1).max(200);

export const ForumIdParams = z.object({ id: z.uuid() }).strict();
export const ForumMemberParams = z.object({ id: z.uuid(), userId: z.uuid() }).strict();

export const ForumSchema = z.object({
  id: z.uuid(),
  municipalityCode: MunicipalityCodeSchema,
  name: z.string(),
  kind: ForumKindSchema,
  /** How often the forum meets; null: when needed (an ad hoc forum). */
  cadence: MeetingCadenceSchema.nullable(),
  /** Archived forums keep their meetings and history but take no new work. */
  archivedAt: z.iso.datetime().nullable(),
  /** The organisation model of the forum's municipality. */
  organisationModel: OrganisationModelSchema,
  /** The model uses forums of this kind (model 1 holds no forum or steering-group meetings). */
  usedInModel: z.boolean(),
  memberCount: z.number().int(),
  /** The caller sits in the forum. */
  isMember: z.boolean(),
  /** The caller may rename the forum and change its members. */
  mayManage: z.boolean(),
  version: z.number().int(),
});

export const ForumListSchema = z.object({ items: z.array(ForumSchema) });

export const ForumMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  /** The member's unit (the first by name), or the police district for police staff. */
  unitName: z.string().nullable(),
});

export const ForumDetailSchema = ForumSchema.extend({ members: z.array(ForumMemberSchema) });

export const ForumListQuery = z
  .object({
    archived: z
      .enum(['include'])
      .optional()
      .describe('include: archived forums too (the forums page)'),
  })
  .strict();

export const CreateForumBody = z
  .object({
    name: ForumName,
    kind: ForumKindSchema.default('forum'),
    cadence: MeetingCadenceSchema.nullable().default(null),
  })
  .strict();

/** A change of a forum: only what is sent changes; archived false takes it back into use. */
export const UpdateForumBody = z
  .object({
    version: Version,
    name: ForumName.optional(),
    kind: ForumKindSchema.optional(),
    cadence: MeetingCadenceSchema.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .strict();

export const AddForumMemberBody = z.object({ userId: z.uuid() }).strict();

export const CandidateQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name or username'),
  })
  .strict();

export const CandidateSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
});

export const CandidateListSchema = z.object({ items: z.array(CandidateSchema) });

export type Forum = z.infer<typeof ForumSchema>;
export type ForumDetail = z.infer<typeof ForumDetailSchema>;
export type ForumMember = z.infer<typeof ForumMemberSchema>;
export type ForumCandidate = z.infer<typeof CandidateSchema>;
export type UpdateForum = z.infer<typeof UpdateForumBody>;
export type CreateForum = z.infer<typeof CreateForumBody>;
