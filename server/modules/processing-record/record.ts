import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { getSettings } from '../inquiries/settings.ts';
import { findMunicipality } from '../organisation/queries.ts';
import {
  CATEGORIES,
  DATA_SUBJECTS,
  LEGAL_BASES,
  PURPOSES,
  RECIPIENTS,
  securityMeasures,
} from './facts.ts';
import type { ProcessingRecord } from './schema.ts';

export interface SessionFacts {
  idleMinutes: number;
  absoluteHours: number;
}

/**
 * The municipality's record of processing (GDPR art. 30), built on request from facts.ts (the
 * lists the code enforces), the municipality's settings (the only retention period the product
 * has: inquiries closed as "no concern") and the session settings the server runs with. What the
 * product does not configure (retention of cases and of the audit trail, the data protection
 * officer's contact) says so. The record holds no personal data.
 */
export async function processingRecord(
  db: Kysely<DB>,
  municipalityCode: string | null,
  language: Locale,
  session: SessionFacts,
  now = new Date(),
): Promise<ProcessingRecord> {
  if (!municipalityCode) throw new AppError('not_found');
  const municipality = await findMunicipality(db, municipalityCode);
  if (!municipality) throw new AppError('not_found');
  const settings = await getSettings(db, municipalityCode);
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(language, `processingRecord.${key}`, params);
  const entries = (list: readonly string[], group: string) =>
    list.map((code) => ({ code, text: t(`${group}.${code}`) }));
  // A municipality without a settings row runs on the defaults (version 0).
  const settingsSaved = settings.version > 0;
  return {
    municipality: { code: municipality.code, name: municipality.name },
    generatedAt: now.toISOString(),
    controller: t('controller', { municipality: municipality.name }),
    dataProtectionOfficer: { configured: false, text: t('notConfigured') },
    purposes: entries(PURPOSES, 'purposes'),
    legalBases: entries(LEGAL_BASES, 'legalBases'),
    dataSubjects: entries(DATA_SUBJECTS, 'dataSubjects'),
    categories: entries(CATEGORIES, 'categories'),
    recipients: entries(RECIPIENTS, 'recipients'),
    thirdCountries: t('thirdCountries'),
    retention: [
      {
        code: 'inquiry_no_concern',
        configured: true,
        text: t(
          settingsSaved ? 'retention.inquiryNoConcern' : 'retention.inquiryNoConcernDefault',
          {
            days: settings.noConcernRetentionDays,
          },
        ),
      },
      { code: 'case', configured: false, text: t('retention.case') },
      { code: 'audit_log', configured: false, text: t('retention.auditLog') },
    ],
    security: securityMeasures(session).map((m) => ({
      code: m.code,
      text: t(`security.${m.code}`, m.params),
    })),
  };
}
