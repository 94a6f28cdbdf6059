import {
  provisionProblems,
  UpdateProvisionBody,
  type LegalProvision,
} from '../../../../server/modules/inquiries/schema-child-report.ts';
import i18n from '../../app/i18n';
import { saidIssue } from '../../ui/form';

/**
 * The provision editor's check: every field of the server's `UpdateProvisionBody` but the
 * version (the provision's own), then the problems the schema cannot see, by the same function
 * the server refuses them with (`provisionProblems`), in the app's words. The server still decides.
 */
export const ProvisionValues = UpdateProvisionBody.omit({ version: true }).superRefine(
  (values, ctx) => {
    for (const problem of provisionProblems(values)) {
      ctx.addIssue(saidIssue(problem.field, i18n.t(`admin.provisions.problems.${problem.code}`)));
    }
  },
);

/** The form's values of a provision as it was read: every field the API takes. */
export function provisionValues(provision: LegalProvision) {
  return {
    nameDa: provision.nameDa,
    nameEn: provision.nameEn,
    law: provision.law,
    section: provision.section,
    validFrom: provision.validFrom,
    validTo: provision.validTo,
    deadlineHours: provision.deadlineHours,
    deadlineWorkdays: provision.deadlineWorkdays,
    confirmed: provision.confirmed,
  };
}
