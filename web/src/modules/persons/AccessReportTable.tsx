import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../cases/format';
import { isPurpose, type AccessReportEntry } from './personsApi';

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
    <div className="table--responsive-scroll">
      <table className="table table--compact access-report-table">
        <caption className="sr-only">{t('persons.report.caption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.report.timeColumn')}</th>
            <th scope="col">{t('persons.report.actionColumn')}</th>
            <th scope="col">{t('persons.report.purposeColumn')}</th>
            <th scope="col">{t('persons.report.unitColumn')}</th>
            <th scope="col">{t('persons.report.breakGlassColumn')}</th>
            {employeeNamesShown && <th scope="col">{t('persons.report.employeeColumn')}</th>}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
