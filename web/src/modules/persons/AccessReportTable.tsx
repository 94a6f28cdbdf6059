import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../cases/format';
import { isPurpose, type AccessReportEntry } from './personsApi';
import { CompactTable } from '../../ui/Table';

/**
 * The entries of an access report: when, what, why, which unit, and whether it was emergency
 * access. The employee column exists only when the server sent names (data-protection role).
 */
export function AccessReportTable({
  items,
  employeeNamesShown,
  name,
}: {
  items: AccessReportEntry[];
  employeeNamesShown: boolean;
  name: string;
}) {
  const { t } = useTranslation();
  const dash = t('persons.report.none');
  return (
    <CompactTable
      className="access-report-table"
      caption={t('persons.report.caption', { name })}
      columns={[
        t('persons.report.timeColumn'),
        t('persons.report.actionColumn'),
        t('persons.report.purposeColumn'),
        t('persons.report.unitColumn'),
        t('persons.report.breakGlassColumn'),
        employeeNamesShown && t('persons.report.employeeColumn'),
      ]}
    >
      {items.map((entry, index) => (
        <tr key={`${entry.occurredAt}-${index}`}>
          <td className="access-report-time">{formatDateTime(entry.occurredAt)}</td>
          <td>{t(`persons.actions.${entry.action}`)}</td>
          <td>
            {isPurpose(entry.purpose)
              ? t(`persons.purposes.${entry.purpose}`)
              : (entry.purpose ?? dash)}
          </td>
          <td>{entry.unitName ?? dash}</td>
          <td>{entry.breakGlass ? t('persons.report.breakGlassYes') : dash}</td>
          {employeeNamesShown && <td>{entry.employeeName ?? dash}</td>}
        </tr>
      ))}
    </CompactTable>
  );
}
