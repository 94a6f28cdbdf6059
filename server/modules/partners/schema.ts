import { z } from 'zod';
import { PartnerAccessStatusSchema, PartnerPartSchema } from '../../../shared/partners.ts';
import { OrganisationKindSchema } from '../../../shared/sharing.ts';
import { CaseStatusSchema } from '../../../shared/values.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';

/**
 * Partners invited into one case (issue 13 part 1): the request and response shapes of the
 * case team's invitations and of the partner's own view. Parts, a basis, the purpose and the end
 * date are checked by the service, so a missing or wrong one is a Danish message on its field.
 */
const Text = (max: number) => z.string().trim().max(max);
const Ids = z.array(z.uuid()).max(100).default([]);

export const InvitePartnerBody = z
  .object({
    /** Chosen by the client: the same id sent again answers the invitation already made. */
    id: z.uuid(),
    organisationId: z.uuid(),
    /** An existing partner user of the organisation, or null with `newPartner`. */
    partnerUserId: z.uuid().nullable().default(null),
    /** A new person at the organisation: an inactive account, activated from the e-mail. */
    newPartner: z
      .object({ name: Text(200), email: Text(254) })
      .strict()
      .nullable()
      .default(null),
    /** Parts the partner sees: overview, planGoals, ownInterventions, contributions. */
    parts: z.array(Text(40)).max(10),
    goalKeys: Ids,
    interventionIds: Ids,
    legalBasis: Text(50),
    purpose: Text(2000),
    endsOn: DateOnly,
    /** For a basis that requires consent: a consent on this case. */
    consentId: z.uuid().nullable().default(null),
  })
  .strict();
export type InvitePartnerBody = z.infer<typeof InvitePartnerBody>;

export const ChangePartnerAccessBody = z
  .object({
    version: Version,
    parts: z.array(Text(40)).max(10),
    goalKeys: Ids,
    interventionIds: Ids,
    endsOn: DateOnly,
    reason: Text(2000),
  })
  .strict();
export type ChangePartnerAccessBody = z.infer<typeof ChangePartnerAccessBody>;

export const EndPartnerAccessBody = z.object({ version: Version, reason: Text(2000) }).strict();
export type EndPartnerAccessBody = z.infer<typeof EndPartnerAccessBody>;

export const PartnerAccessParams = z.object({ id: z.uuid(), accessId: z.uuid() }).strict();

const Named = z.object({ id: z.uuid(), name: z.string() });

export const PartnerAccessSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  organisation: Named.extend({ kind: OrganisationKindSchema }),
  partner: Named.extend({ email: z.string().nullable(), activated: z.boolean() }),
  parts: z.array(PartnerPartSchema),
  goalKeys: z.array(z.uuid()),
  interventionIds: z.array(z.uuid()),
  legalBasis: z.object({ key: z.string(), name: z.string() }),
  purpose: z.string(),
  consentId: z.uuid().nullable(),
  endsOn: z.iso.date(),
  endedOn: z.iso.date().nullable(),
  endReason: z.string().nullable(),
  status: PartnerAccessStatusSchema,
  invitedBy: Named,
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PartnerAccess = z.infer<typeof PartnerAccessSchema>;

export const PartnerAccessListSchema = z.object({ items: z.array(PartnerAccessSchema) });

/** What the invitation form may choose from: the case's own goals, interventions and consents. */
export const PartnerInviteOptionsSchema = z.object({
  partnerUsers: z.array(Named.extend({ organisationId: z.uuid(), activated: z.boolean() })),
  goals: z.array(z.object({ key: z.uuid(), text: z.string() })),
  interventions: z.array(
    z.object({ id: z.uuid(), name: z.string().nullable(), status: z.string() }),
  ),
  consents: z.array(z.object({ id: z.uuid(), givenOn: z.iso.date(), purpose: z.string() })),
});
export type PartnerInviteOptions = z.infer<typeof PartnerInviteOptionsSchema>;

// ── The partner's own view ──────────────────────────────────────────────────────────────

export const PartnerCaseParams = z.object({ caseId: z.uuid() }).strict();

export const PartnerCaseItemSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  organisation: z.string(),
  endsOn: z.iso.date(),
  parts: z.array(PartnerPartSchema),
});
export const PartnerCaseListSchema = z.object({ items: z.array(PartnerCaseItemSchema) });
export type PartnerCaseList = z.infer<typeof PartnerCaseListSchema>;

export const PartnerCaseSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  parts: z.array(PartnerPartSchema),
  banner: z.object({
    organisation: z.string(),
    legalBasis: z.string(),
    purpose: z.string(),
    endsOn: z.iso.date(),
  }),
  overview: z
    .object({
      status: CaseStatusSchema,
      coordinator: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
      citizen: z.object({ name: z.string(), birthDate: z.iso.date().nullable() }).nullable(),
    })
    .nullable(),
  goals: z
    .array(
      z.object({
        key: z.uuid(),
        text: z.string(),
        targetDate: z.iso.date().nullable(),
        status: z.string(),
      }),
    )
    .nullable(),
  interventions: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string().nullable(),
        status: z.string(),
        startsOn: z.iso.date().nullable(),
        endsOn: z.iso.date().nullable(),
      }),
    )
    .nullable(),
  contributions: z
    .array(z.object({ id: z.string(), at: z.iso.datetime(), text: z.string() }))
    .nullable(),
});
export type PartnerCase = z.infer<typeof PartnerCaseSchema>;

export const ContributionBody = z.object({ text: Text(10000) }).strict();

export const ActivateBody = z
  .object({ token: z.string().min(20).max(100), password: z.string().min(1).max(256) })
  .strict();
