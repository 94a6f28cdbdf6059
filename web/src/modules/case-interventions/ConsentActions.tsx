import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONSENT_SCAN_MAX_BYTES } from '../../../../server/modules/case-interventions/consent-schema.ts';
import i18n from '../../app/i18n';
import { checkChosenFile, danishToday, DateInput, FileInput, useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { SignedFormSchema, WithdrawFormSchema } from './consentOfferValues';
import {
  consentFormUrl,
  consentScanUrl,
  recordSigned,
  uploadScan,
  withdrawConsent,
  type Consent,
} from './interventionsApi';
import { RowForm } from './RowForm';

/**
 * What can be done with one consent of the list, from the abilities the server sent (`canWrite`):
 * print its form, record that it came back signed, add the scanned copy, download it (the reads
 * are audited by the server), and withdraw it.
 */
export function ConsentActions({
  detail,
  consent,
  canWrite,
  onWithdrawn,
  headingId,
}: {
  detail: CaseDetail;
  consent: Consent;
  canWrite: boolean;
  onWithdrawn: (paused: number) => void;
  headingId: string;
}) {
  const { t } = useTranslation();
  const written = consent.method === 'written';
  const open = consent.status !== 'withdrawn';
  return (
    <div className="consent-actions">
      {written && (
        <p>
          <a href={consentFormUrl(detail.id, consent.id)} download>
            {t('caseInterventions.consents.printForm')}
          </a>
          {consent.scan && (
            <>
              {' · '}
              <a href={consentScanUrl(detail.id, consent.id)} download>
                {t('caseInterventions.consents.downloadScan')}
              </a>
            </>
          )}
        </p>
      )}
      {canWrite && written && open && consent.signedOn === null && (
        <SignedForm detail={detail} consent={consent} headingId={headingId} />
      )}
      {canWrite && written && <ScanForm detail={detail} consent={consent} headingId={headingId} />}
      {canWrite && open && (
        <WithdrawForm
          detail={detail}
          consent={consent}
          onWithdrawn={onWithdrawn}
          headingId={headingId}
        />
      )}
    </div>
  );
}

function SignedForm({
  detail,
  consent,
  headingId,
}: {
  detail: CaseDetail;
  consent: Consent;
  headingId: string;
}) {
  const { t } = useTranslation();
  const form = useZodForm(SignedFormSchema, {
    defaultValues: { version: consent.version, signedOn: danishToday() },
  });
  return (
    <RowForm
      form={form}
      save={(body) => recordSigned(detail.id, consent.id, body)}
      onSaved={() => undefined}
      headingId={headingId}
      openLabel={t('caseInterventions.consents.recordSigned')}
      summary={false}
      stale
      errorTitle={t('caseInterventions.consents.signedError')}
      submit={t('caseInterventions.consents.signedSubmit')}
    >
      <DateInput name="signedOn" label={t('caseInterventions.consents.signedOn')} />
    </RowForm>
  );
}

/** The scan form's values: the chosen file as base64 ('' before one is chosen) and its size. */
interface ScanValues {
  version: number;
  file: string;
  bytes: number;
}
const ScanFormSchema = z
  .custom<ScanValues>(() => true)
  .superRefine((values, ctx) =>
    checkChosenFile(values.file, values.bytes, ctx, {
      name: 'file',
      maxBytes: CONSENT_SCAN_MAX_BYTES,
      chooseMessage: i18n.t('caseInterventions.consents.chooseFile'),
      tooLargeMessage: i18n.t('caseInterventions.consents.fileTooLarge', {
        maxKb: CONSENT_SCAN_MAX_BYTES / 1024,
      }),
    }),
  );

function ScanFileField() {
  const { t } = useTranslation();
  return (
    <FileInput
      name="file"
      sizeName="bytes"
      label={t('caseInterventions.consents.scanFile')}
      hint={t('caseInterventions.consents.scanFileHint', { maxKb: CONSENT_SCAN_MAX_BYTES / 1024 })}
      accept="application/pdf,image/png,image/jpeg"
    />
  );
}

function ScanForm({
  detail,
  consent,
  headingId,
}: {
  detail: CaseDetail;
  consent: Consent;
  headingId: string;
}) {
  const { t } = useTranslation();
  const form = useZodForm(ScanFormSchema, {
    defaultValues: { version: consent.version, file: '', bytes: 0 },
  });
  return (
    <RowForm
      form={form}
      save={(values) =>
        uploadScan(detail.id, consent.id, { version: values.version, file: values.file })
      }
      onSaved={() => undefined}
      headingId={headingId}
      openLabel={
        consent.scan
          ? t('caseInterventions.consents.replaceScan')
          : t('caseInterventions.consents.addScan')
      }
      summary={false}
      stale
      errorTitle={t('caseInterventions.consents.scanError')}
      submit={t('caseInterventions.consents.scanSubmit')}
    >
      <ScanFileField />
    </RowForm>
  );
}

/** Withdraws a consent from a given day; running interventions that rely on it are paused. */
function WithdrawForm({
  detail,
  consent,
  onWithdrawn,
  headingId,
}: {
  detail: CaseDetail;
  consent: Consent;
  onWithdrawn: (paused: number) => void;
  headingId: string;
}) {
  const { t } = useTranslation();
  const form = useZodForm(WithdrawFormSchema, { defaultValues: { withdrawnOn: danishToday() } });
  return (
    <RowForm
      form={form}
      save={(body) => withdrawConsent(detail.id, consent.id, body)}
      onSaved={(result) => onWithdrawn(result.pausedInterventionIds.length)}
      headingId={headingId}
      openLabel={t('caseInterventions.consents.withdraw')}
      summary={false}
      errorTitle={t('caseInterventions.consents.withdrawError')}
      submit={t('caseInterventions.consents.withdrawSubmit')}
    >
      <DateInput
        name="withdrawnOn"
        label={t('caseInterventions.consents.withdrawnOnLabel')}
        hint={t('caseInterventions.consents.withdrawHint')}
      />
    </RowForm>
  );
}
