import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../../ui/form';
import { useItemHistory, type ItemChange } from './implementationApi';

type Values = ItemChange['new'];

/** One field's value as the history shows it. */
function shown(t: TFunction, field: keyof Values, values: Values | null): string {
  if (!values) return '';
  switch (field) {
    case 'status':
      return t(`implementation.status.${values.status}`);
    case 'responsibleUser':
      return values.responsibleUser?.name ?? '';
    case 'nextReviewOn':
      return formatDate(values.nextReviewOn);
    default:
      return String(values[field as keyof Values] ?? '');
  }
}

/** An item's changes, newest first: when, who, and each changed field old → new. */
export function ItemHistory({ itemKey }: { itemKey: string }) {
  const { t } = useTranslation();
  const history = useItemHistory(itemKey);
  return (
    <section aria-labelledby="implementation-history">
      <h2 id="implementation-history">{t('implementation.history.heading')}</h2>
      <QueryState
        query={history}
        loading={t('implementation.history.loading')}
        loadError={t('implementation.history.loadError')}
      >
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('implementation.history.none')}</p>
          ) : (
            <CompactTable
              caption={t('implementation.history.heading')}
              columns={[
                t('implementation.history.when'),
                t('implementation.history.who'),
                t('implementation.history.what'),
              ]}
            >
              {data.items.map((change) => (
                <tr key={change.id}>
                  <td>{new Date(change.changedAt).toLocaleString('da-DK')}</td>
                  <td>{change.changedBy.name}</td>
                  <td>
                    <ul className="nobullet-list">
                      {(change.fields as (keyof Values)[]).map((field) => (
                        <li key={field}>
                          {t(`implementation.fields.${field}`)}:{' '}
                          {change.old
                            ? t('implementation.history.fromTo', {
                                from: shown(t, field, change.old) || t('implementation.none'),
                                to: shown(t, field, change.new) || t('implementation.none'),
                              })
                            : shown(t, field, change.new) || t('implementation.none')}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </CompactTable>
          )
        }
      </QueryState>
    </section>
  );
}
