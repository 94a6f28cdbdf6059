import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import type { Disclosure } from './disclosuresApi';

/** Disclosures as a table: day, recipient, what, basis and purpose, persons, how and by whom. */
export function DisclosureTable({
  items,
  showCase = false,
}: {
  items: Disclosure[];
  showCase?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <CompactTable
      caption={t('disclosures.list.caption')}
      columns={[
        t('disclosures.list.disclosedOn'),
        ...(showCase ? [t('disclosures.list.case')] : []),
        t('disclosures.list.recipient'),
        t('disclosures.list.what'),
        t('disclosures.list.basisAndPurpose'),
        t('disclosures.list.persons'),
        t('disclosures.list.how'),
      ]}
    >
      {items.map((d) => (
        <tr key={d.id}>
          <td>{formatDate(d.disclosedOn)}</td>
          {showCase && <td>{d.caseReference ?? t('disclosures.list.none')}</td>}
          <td>
            {d.recipientOrganisation}
            {d.recipientPerson && `, ${d.recipientPerson}`}
            <br />
            <span className="form-hint">{t(`sharing.organisationKinds.${d.recipientKind}`)}</span>
          </td>
          <td>
            {d.categories.map((c) => t(`sharing.dataCategories.${c}`)).join(', ')}
            {d.documents && (
              <>
                <br />
                {d.documents}
              </>
            )}
          </td>
          <td>
            <strong>{d.legalBasis}</strong>
            <br />
            {d.purpose}
          </td>
          <td>{d.persons.map((p) => p.name).join(', ')}</td>
          <td>
            {t(`disclosures.channels.${d.channel}`)}
            <br />
            <span className="form-hint">
              {t('disclosures.list.decidedRecorded', {
                decidedBy: d.decidedBy,
                recordedBy: d.recordedBy.name,
              })}
            </span>
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}
