import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDisclosure } from '../../../../server/modules/disclosures/schema.ts';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';

/**
 * The person's disclosures in the citizen's access report: when, to whom, what, on which legal
 * basis and for what purpose (never who recorded it).
 */
export function PersonDisclosures({ items }: { items: PersonDisclosure[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="access-report-disclosures">
      <h2 id={headingId}>{t('disclosures.accessReport.heading')}</h2>
      <p>{t('disclosures.accessReport.intro')}</p>
      {items.length === 0 ? (
        <p>{t('disclosures.accessReport.none')}</p>
      ) : (
        <CompactTable
          caption={t('disclosures.accessReport.heading')}
          columns={[
            t('disclosures.list.disclosedOn'),
            t('disclosures.list.recipient'),
            t('disclosures.list.what'),
            t('disclosures.list.basisAndPurpose'),
            t('disclosures.list.how'),
          ]}
        >
          {items.map((d, i) => (
            <tr key={`${d.disclosedOn}-${i}`}>
              <td>{formatDate(d.disclosedOn)}</td>
              <td>
                {d.recipientOrganisation}
                <br />
                <span className="form-hint">
                  {t(`sharing.organisationKinds.${d.recipientKind}`)}
                </span>
              </td>
              <td>{d.categories.map((c) => t(`sharing.dataCategories.${c}`)).join(', ')}</td>
              <td>
                <strong>{d.legalBasis}</strong>
                <br />
                {d.purpose}
              </td>
              <td>{t(`disclosures.channels.${d.channel}`)}</td>
            </tr>
          ))}
        </CompactTable>
      )}
    </section>
  );
}
