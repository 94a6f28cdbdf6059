import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, FormError, type FormField } from '../../ui/FormError';
import { formatDateTime } from '../cases/format';
import { Select, SuccessMessage, TextArea } from '../../ui/fields';
import { addContribution, LEGAL_BASES, type LegalBasis } from './inquiriesApi';
import type { PanelProps } from './InquiryPage';
import { useInquiryChange } from './InquiryPanels';

/**
 * What the forum's members and the police contribute to the assessment, each on a stated legal
 * basis (by default the Administration of Justice Act § 115, the Infohus basis).
 */
export function ContributionsSection(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const headingId = useId();
  const contributions = detail.contributions;
  if (!contributions && !detail.abilities.contribute) return null;
  const sorted = [...(contributions ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('inquiries.contributions.heading')}</h2>
      {contributions &&
        (sorted.length === 0 ? (
          <p>{t('inquiries.contributions.empty')}</p>
        ) : (
          <ol className="nobullet-list inquiry-contributions">
            {sorted.map((c) => (
              <li key={c.id} className="inquiry-contribution">
                <p className="inquiry-contribution-meta">
                  <strong>{c.authorName}</strong>
                  {c.unitName && `, ${c.unitName}`} · {formatDateTime(c.createdAt)} ·{' '}
                  {t(`inquiries.legalBases.${c.legalBasis}`)}
                </p>
                <p className="case-text">{c.body}</p>
              </li>
            ))}
          </ol>
        ))}
      {detail.abilities.contribute && <ContributionForm {...panel} />}
    </section>
  );
}

function ContributionForm({ detail }: PanelProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [legalBasis, setLegalBasis] = useState<LegalBasis>('rpl_115');
  const mutation = useInquiryChange(addContribution, detail.id, () => setBody(''));
  const ids = { body: `contribution-${detail.id}`, basis: `contribution-basis-${detail.id}` };
  const fields: FormField[] = [
    { name: 'body.body', id: ids.body, label: t('inquiries.contributions.body') },
    { name: 'body.legalBasis', id: ids.basis, label: t('inquiries.contributions.legalBasis') },
  ];
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate({ body: body.trim(), legalBasis, unitId: null });
  };
  return (
    <div className="inquiry-panel">
      <h3>{t('inquiries.contributions.formHeading')}</h3>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.contributions.done')}</SuccessMessage>}
      <FormError
        error={mutation.error}
        fields={fields}
        title={t('inquiries.contributions.failed')}
      />
      <form noValidate onSubmit={submit}>
        <TextArea
          id={ids.body}
          label={t('inquiries.contributions.body')}
          hint={t('inquiries.contributions.bodyHint')}
          error={errors['body.body']}
          rows={5}
          maxLength={10_000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        <Select
          id={ids.basis}
          label={t('inquiries.contributions.legalBasis')}
          error={errors['body.legalBasis']}
          value={legalBasis}
          onChange={(event) => setLegalBasis(event.target.value as LegalBasis)}
        >
          {LEGAL_BASES.map((basis) => (
            <option key={basis} value={basis}>
              {t(`inquiries.legalBases.${basis}`)}
            </option>
          ))}
        </Select>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.contributions.submit')}
        </button>
      </form>
    </div>
  );
}
