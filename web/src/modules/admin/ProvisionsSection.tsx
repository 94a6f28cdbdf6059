import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalProvision } from '../../../../server/modules/inquiries/schema-child-report.ts';
import { apiGet } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import { ProvisionForm, PROVISIONS_KEY as KEY } from './ProvisionForm';

/**
 * "Lovbestemmelser om underretninger": the municipality's legal provisions for reports about
 * children (name, section, valid from, deadline, confirmed), each edited in full on its own
 * (ProvisionForm) with the version it was read at. The municipality's lawyer must confirm them.
 */
export function ProvisionsSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<LegalProvision | null>(null);
  const provisions = useQuery({
    queryKey: KEY,
    queryFn: () => apiGet<{ items: LegalProvision[] }>('/api/legal-provisions'),
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.provisions.title')}</h2>
      <p>{t('admin.provisions.lawyerNote')}</p>
      <QueryState
        query={provisions}
        loading={t('admin.provisions.loading')}
        loadError={t('admin.provisions.loadError')}
      >
        {({ items }) => (
          <>
            <CompactTable
              caption={t('admin.provisions.caption')}
              columns={[
                t('admin.provisions.name'),
                t('admin.provisions.section'),
                t('admin.provisions.validFrom'),
                t('admin.provisions.deadline'),
                t('admin.provisions.confirmed'),
                t('admin.provisions.actions'),
              ]}
            >
              {items.map((p) => (
                <tr key={p.key}>
                  <td>{p.nameDa}</td>
                  <td>{`${p.law} ${p.section}`}</td>
                  <td>{formatDate(p.validFrom)}</td>
                  <td>
                    {p.deadlineHours !== null
                      ? t('admin.provisions.hours', { count: p.deadlineHours })
                      : p.deadlineWorkdays !== null
                        ? t('admin.provisions.workdays', { count: p.deadlineWorkdays })
                        : '–'}
                  </td>
                  <td>{t(p.confirmed ? 'admin.provisions.yes' : 'admin.provisions.toConfirm')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-tertiary"
                      aria-label={t('admin.provisions.editFor', { name: p.nameDa })}
                      onClick={() => setEditing(p)}
                    >
                      {t('admin.provisions.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </CompactTable>
            {editing && (
              <ProvisionForm
                key={`${editing.key}-${editing.version}`}
                provision={editing}
                onDone={() => setEditing(null)}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
