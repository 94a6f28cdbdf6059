import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../cases/format';
import { AssessmentView } from './AssessmentView';
import type { Assessment } from './assessmentsApi';
import { CompactTable } from '../../ui/Table';

/** Every version of the assessment, newest first; any version can be opened read only. */
export function AssessmentHistory({ items }: { items: Assessment[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = items.find((a) => a.id === openId);

  return (
    <section aria-labelledby={headingId} className="case-section assessment-history">
      <h3 id={headingId}>{t('assessments.history.heading')}</h3>
      <CompactTable
        className="case-table"
        caption={t('assessments.history.caption')}
        columns={[
          t('assessments.history.number'),
          t('assessments.history.status'),
          t('cases.concernLevel.label'),
          t('assessments.history.createdBy'),
          t('assessments.history.finalisedBy'),
          <span key="actions" className="sr-only">
            {t('assessments.history.actions')}
          </span>,
        ]}
      >
        {items.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.number}</th>
            <td>{t(`assessments.status.${a.status}`)}</td>
            <td>
              {a.concernLevel
                ? t(`cases.concernLevel.${a.concernLevel}`)
                : t('cases.concernLevel.none')}
            </td>
            <td>
              {t('assessments.history.byAt', {
                name: a.createdBy.name,
                time: formatDateTime(a.createdAt),
              })}
            </td>
            <td>
              {a.finalisedBy && a.finalisedAt
                ? t('assessments.history.byAt', {
                    name: a.finalisedBy.name,
                    time: formatDateTime(a.finalisedAt),
                  })
                : t('assessments.history.notFinalised')}
            </td>
            <td>
              <button
                type="button"
                className="button button-tertiary"
                aria-expanded={openId === a.id}
                aria-controls={openId === a.id ? `${headingId}-open` : undefined}
                onClick={() => setOpenId(openId === a.id ? null : a.id)}
              >
                {openId === a.id
                  ? t('assessments.history.hide', { number: a.number })
                  : t('assessments.history.show', { number: a.number })}
              </button>
            </td>
          </tr>
        ))}
      </CompactTable>
      {open && (
        <div id={`${headingId}-open`} className="assessment-open-version">
          <h4>
            {t('assessments.history.openHeading', {
              number: open.number,
              status: t(`assessments.status.${open.status}`),
            })}
          </h4>
          <AssessmentView assessment={open} headingLevel="h5" />
        </div>
      )}
    </section>
  );
}
