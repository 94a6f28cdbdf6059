import { z } from 'zod';
import { DateOnly, INT4_MAX, Version } from '../../platform/primitives.ts';
import { optionalText, text } from './schema.ts';

/**
 * Reports about children (underretninger efter Barnets lov, issue 12): the shapes of the mark,
 * the assessment of immediate help and the acknowledgement to the reporting professional, and
 * the legal provisions the municipality keeps as data. Shared with the web app.
 */

/** The professional sources (Barnets lov, skærpet underretningspligt) are one list (shared/values.ts). */
export { PROFESSIONAL_SOURCES } from '../../../shared/values.ts';

export const PROVISION_KEYS = [
  'professional_report',
  'citizen_report',
  'acknowledgement',
  'immediate_help',
] as const;
export const ProvisionKeySchema = z.enum(PROVISION_KEYS);
export type ProvisionKey = z.infer<typeof ProvisionKeySchema>;

export const LegalProvisionSchema = z.object({
  key: ProvisionKeySchema,
  nameDa: z.string(),
  nameEn: z.string(),
  law: z.string(),
  section: z.string(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  deadlineHours: z.number().int().nullable(),
  deadlineWorkdays: z.number().int().nullable(),
  /** The municipality's lawyer has confirmed it (false for the product's defaults). */
  confirmed: z.boolean(),
  /** 0 while the municipality has the default. */
  version: z.number().int(),
});
export type LegalProvision = z.infer<typeof LegalProvisionSchema>;

export const LegalProvisionsSchema = z.object({ items: z.array(LegalProvisionSchema) });

export const ProvisionParams = z.object({ key: ProvisionKeySchema }).strict();

export const UpdateProvisionBody = z
  .object({
    nameDa: text(200),
    nameEn: text(200),
    law: text(100),
    section: text(40),
    validFrom: DateOnly,
    validTo: DateOnly.nullable().default(null),
    deadlineHours: z.number().int().min(1).max(720).nullable().default(null),
    deadlineWorkdays: z.number().int().min(1).max(60).nullable().default(null),
    confirmed: z.boolean(),
    version: z.number().int().min(0).max(INT4_MAX),
  })
  .strict();
export type UpdateProvision = z.infer<typeof UpdateProvisionBody>;

/** A provision's problem the schema cannot see, by the body's field (server and web alike). */
export type ProvisionProblem =
  | { field: 'validTo'; code: 'valid_to_before_from' }
  | { field: 'deadlineWorkdays'; code: 'deadline_one_of' };

/**
 * What the schema cannot see: the validity ends after it begins, and the deadline is counted in
 * real hours or in weekdays, not both (the clock would not know which). The server refuses the
 * body with these; the settings page's form says them before anything is sent.
 */
export function provisionProblems(
  body: Pick<UpdateProvision, 'validFrom' | 'validTo' | 'deadlineHours' | 'deadlineWorkdays'>,
): ProvisionProblem[] {
  const problems: ProvisionProblem[] = [];
  if (body.validTo !== null && body.validTo <= body.validFrom) {
    problems.push({ field: 'validTo', code: 'valid_to_before_from' });
  }
  if (body.deadlineHours !== null && body.deadlineWorkdays !== null) {
    problems.push({ field: 'deadlineWorkdays', code: 'deadline_one_of' });
  }
  return problems;
}

/** Mark (or unmark, before anything is recorded) the inquiry as a report about a child. */
export const MarkChildReportBody = z
  .object({ childReport: z.boolean(), version: Version })
  .strict();

/** "Vurdering af akut behov": does the child need immediate help, and a note. */
export const ImmediateHelpBody = z
  .object({ needed: z.boolean(), note: optionalText(2000), version: Version })
  .strict();

/** The reporting professional's e-mail address (the acknowledgement goes there). */
export const ReporterEmail = z.string().trim().max(254).pipe(z.email());

/**
 * "Send kvittering": recorded once; a second send answers the first. With an e-mail address the
 * acknowledgement is e-mailed (and the address kept on the inquiry); without one it is printed.
 */
export const AcknowledgeBody = z
  .object({ version: Version, email: ReporterEmail.nullable().default(null) })
  .strict();

export const MailStatusSchema = z.enum(['queued', 'sent', 'failed']);
export type MailStatus = z.infer<typeof MailStatusSchema>;

export const DeadlineStateSchema = z.enum(['pending', 'met', 'late', 'overdue']);
export type DeadlineState = z.infer<typeof DeadlineStateSchema>;

const Provided = z.object({ section: z.string(), law: z.string(), confirmed: z.boolean() });

/** The report about a child as the inquiry shows it (not the concern: no compartment content). */
export const ChildReportSchema = z.object({
  marked: z.boolean(),
  /** The main person is under 18 at receipt and the source is a professional: suggest the mark. */
  eligible: z.boolean(),
  /** The caller may mark it and record its assessment and acknowledgement. */
  mayRecord: z.boolean(),
  markedAt: z.iso.datetime().nullable(),
  markedBy: z.string().nullable(),
  immediateHelp: z.object({
    provision: Provided.nullable(),
    /** From the receipt, or the registration of a back-dated inquiry. */
    deadlineAt: z.iso.datetime().nullable(),
    state: DeadlineStateSchema,
    needed: z.boolean().nullable(),
    assessedAt: z.iso.datetime().nullable(),
    assessedBy: z.string().nullable(),
  }),
  acknowledgement: z.object({
    provision: Provided.nullable(),
    dueAt: z.iso.datetime().nullable(),
    state: DeadlineStateSchema,
    sentAt: z.iso.datetime().nullable(),
    sentBy: z.string().nullable(),
    sentTo: z.string().nullable(),
    /** The reporter is named: an acknowledgement can be made. */
    possible: z.boolean(),
    /** The address to suggest: the one kept on the inquiry, or the intake's contact if an address. */
    suggestedEmail: z.string().nullable(),
    /** The e-mail of the acknowledgement, when it was e-mailed: to whom, and where it is. */
    email: z
      .object({ to: z.string().nullable(), status: MailStatusSchema, at: z.iso.datetime() })
      .nullable(),
  }),
});
export type ChildReport = z.infer<typeof ChildReportSchema>;
