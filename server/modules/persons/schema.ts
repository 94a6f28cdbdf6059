import { z } from 'zod';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { AUDIT_ACTIONS } from '../../platform/audit/tables.ts';
import { CaseStatusSchema, PersonRoleSchema } from '../cases/schema.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { PersonDisclosureSchema } from '../disclosures/schema.ts';

/** Request and response shapes of the persons module, shared with the web app. */
export const PersonIdParams = z.object({ id: z.uuid() }).strict();

/** How a related person stands to the person: `parent` means "is the person's parent". */
export const RELATIONS = [
  'parent',
  'child',
  'sibling',
  'younger_sibling',
  'spouse',
  'friend',
  'other',
] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;

export const PersonSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date().nullable(),
  /** DDMMYY-XXXX: the last four digits are never sent here. */
  cprMasked: z
    .string()
    .regex(/^[0-9]{6}-XXXX$/)
    .nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  cases: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      status: CaseStatusSchema,
      role: PersonRoleSchema,
    }),
  ),
  /** Related persons the caller may also see (need-to-know); others are left out. */
  relations: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      relation: RelationSchema,
    }),
  ),
  version: z.number().int(),
});

export const AccessReportQuery = z
  .object({
    after: cursorParameter(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const AccessReportEntry = z.object({
  occurredAt: z.iso.datetime(),
  action: z.enum(AUDIT_ACTIONS),
  purpose: z.string().nullable(),
  legalBasis: z.string().nullable(),
  unitName: z.string().nullable(),
  breakGlass: z.boolean(),
  /** Only for the municipality's data-protection role; absent for everyone else. */
  employeeName: z.string().optional(),
});

export const AccessReportSchema = z.object({
  person: z.object({
    id: z.uuid(),
    name: z.string(),
    birthDate: z.iso.date().nullable(),
  }),
  municipalityCode: z.string(),
  generatedAt: z.iso.datetime(),
  employeeNamesShown: z.boolean(),
  items: z.array(AccessReportEntry),
  nextCursor: z.string().nullable(),
  /**
   * The person's entries in the disclosure register (issue 13), newest first; on the first page
   * only (empty on the pages after it).
   */
  disclosures: z.array(PersonDisclosureSchema),
});
export type AccessReport = z.infer<typeof AccessReportSchema>;

const name = z.string().trim().min(1).max(100);

/** Possible duplicates while typing: a CPR number, or a birth date with at least part of a name. */
export const DuplicatesBody = z
  .object({
    givenName: z.string().max(100).optional(),
    familyName: z.string().max(100).optional(),
    birthDate: DateOnly.optional(),
    cpr: z.string().max(20).optional(),
  })
  .strict();

export const DuplicatesSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      birthDate: z.iso.date().nullable(),
      matchedOn: z.enum(['cpr', 'name_and_birth_date']),
    }),
  ),
});
export type Duplicates = z.infer<typeof DuplicatesSchema>;

/** The unmasked CPR number (audited); null when the person has none. */
export const CprSchema = z.object({
  cpr: z
    .string()
    .regex(/^[0-9]{6}-[0-9]{4}$/)
    .nullable(),
});

export const MergeBody = z
  .object({
    intoPersonId: z.uuid(),
    /** The version of the person being merged away, as the caller saw it. */
    version: Version,
  })
  .strict();

export const MergeResultSchema = z.object({
  intoPersonId: z.uuid(),
  version: z.number().int(),
});

export const RelationBody = z
  .object({ relatedPersonId: z.uuid(), relation: RelationSchema })
  .strict();

export const RelationParams = z.object({ id: z.uuid(), relatedPersonId: z.uuid() }).strict();

/** A change to a person; absent fields stay as they are, null clears an optional one. */
export const UpdatePersonBody = z
  .object({
    version: Version,
    givenName: name.optional(),
    familyName: name.optional(),
    birthDate: DateOnly.nullable().optional(),
    /** Ten digits, with or without the dash; validated as a real date. Never logged. */
    cpr: z.string().max(20).nullable().optional(),
    address: z.string().trim().max(300).nullable().optional(),
    phone: z.string().trim().max(40).nullable().optional(),
  })
  .strict();
export type UpdatePerson = z.infer<typeof UpdatePersonBody>;

export const PersonVersionSchema = z.object({ id: z.uuid(), version: z.number().int() });

/**
 * Finding persons (POST: a name or a CPR number never goes in a URL). A name matches given and
 * family name (every word, anywhere, case-insensitive); a CPR number exactly (by its digest); a
 * birth date exactly. At least one of them; '' is no criterion (what an empty form field sends).
 */
export const PersonSearchBody = z
  .object({
    name: z.string().trim().max(100).default(''),
    cpr: z.string().trim().max(20).default(''),
    birthDate: DateOnly.or(z.literal('')).default(''),
    after: cursorParameter(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type PersonSearch = z.infer<typeof PersonSearchBody>;

const RecordRef = z.object({ id: z.uuid(), reference: z.string() });

export const PersonSearchSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      birthDate: z.iso.date().nullable(),
      /** The cases (full scope) and open inquiries through which the caller sees the person. */
      cases: z.array(RecordRef),
      inquiries: z.array(RecordRef),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type PersonSearchResult = z.infer<typeof PersonSearchSchema>;
