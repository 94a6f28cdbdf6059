import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ContributionBody } from '../../../../server/modules/inquiries/schema.ts';
import { focusAfterSave, Select, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import { ChangeForm, useInquiryChange } from './ChangeForm';
import { formatDateTime } from '../cases/format';
import { addContribution, LEGAL_BASES } from './inquiriesApi';
import type { PanelProps } from './InquiryPage';

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

const ContributionValues = ContributionBody.omit({ unitId: true });

/** A contribution: the text and the legal basis it is shared under (the Infohus basis first). */
function ContributionForm(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const form = useZodForm(ContributionValues, {
    defaultValues: { body: '', legalBasis: 'rpl_115' },
  });
  const headingId = useId();
  const mutation = useInquiryChange(addContribution, detail.id, () => {
    form.reset({ body: '', legalBasis: form.getValues('legalBasis') });
    focusAfterSave(headingId);
  });
  return (
    <div className="inquiry-panel">
      <h3 id={headingId}>{t('inquiries.contributions.formHeading')}</h3>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.contributions.done')}</SuccessMessage>}
      <ChangeForm
        kind="contribution"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => ({ body: values.body, legalBasis: values.legalBasis, unitId: null })}
      >
        <TextArea
          name="body"
          label={t('inquiries.contributions.body')}
          hint={t('inquiries.contributions.bodyHint')}
          rows={5}
          maxLength={10_000}
        />
        <Select name="legalBasis" label={t('inquiries.contributions.legalBasis')}>
          {LEGAL_BASES.map((basis) => (
            <option key={basis} value={basis}>
              {t(`inquiries.legalBases.${basis}`)}
            </option>
          ))}
        </Select>
      </ChangeForm>
    </div>
  );
}
