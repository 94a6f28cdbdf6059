import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import {
  NECESSITY,
  NOT_ENFORCED,
  RISK_BLANKS,
  RISKS,
  SECURITY_MEASURES,
  SIGN_OFF,
  type OwnMeasure,
  type SecurityMeasure,
} from './dpia-facts.ts';
import type { Dpia } from './dpia-schema.ts';
import { processingRecord, type SessionFacts } from './record.ts';

/**
 * The municipality's data protection impact assessment template (GDPR art. 35), built on request
 * from the same configuration as the record of processing (record.ts: facts.ts and the
 * settings): its security measures keep their texts and figures, its retention periods are the
 * retention measure. The municipality's assessment and sign-off are blanks. No personal data.
 */
export async function dpia(
  db: Kysely<DB>,
  municipalityCode: string | null,
  language: Locale,
  session: SessionFacts,
  now = new Date(),
): Promise<Dpia> {
  const record = await processingRecord(db, municipalityCode, language, session, now);
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(language, `processingRecord.dpia.${key}`, params);
  const security = new Map(record.security.map((s) => [s.code, s.text]));
  const retention = record.retention.map((r) => r.text).join(' ');
  const measure = (code: SecurityMeasure | OwnMeasure) => {
    const own = !(SECURITY_MEASURES as readonly string[]).includes(code);
    const text = own
      ? t(`measures.${code}`, code === 'retention' ? { periods: retention } : undefined)
      : (security.get(code) ?? code);
    return { code, text, enforced: !NOT_ENFORCED.includes(code as OwnMeasure) };
  };
  return {
    processing: record,
    description: t('description', { municipality: record.municipality.name }),
    necessity: NECESSITY.map((code) => ({ code, text: t(`necessity.${code}`) })),
    risks: RISKS.map((risk) => ({
      code: risk.code,
      text: t(`risks.${risk.code}`),
      measures: risk.measures.map(measure),
    })),
    riskBlanks: RISK_BLANKS.map((code) => ({ code, text: t(`blanks.${code}`) })),
    signOff: SIGN_OFF.map((code) => ({ code, text: t(`signOff.${code}`) })),
  };
}
