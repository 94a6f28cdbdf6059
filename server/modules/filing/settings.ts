import { AppError } from '../../platform/errors.ts';
import { filingSettingsProblems } from './rules.ts';

/**
 * The municipality's filing settings are part of its settings (inquiries/settings.ts); a change
 * is checked here first: a KLE number or facet in another form is a 400 on its field, nothing
 * stored.
 */
export function checkFilingSettings(change: {
  filingKleCode?: string | null;
  filingKleFacet?: string | null;
}): void {
  const problems = filingSettingsProblems(change);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      fields: problems.map((p) => ({ field: `body.${p.field}`, code: p.code })),
    });
  }
}
