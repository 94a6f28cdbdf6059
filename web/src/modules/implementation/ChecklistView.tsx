import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../../ui/form';
import {
  IMPLEMENTATION_PARTS,
  useChecklist,
  type Checklist,
  type ImplementationItem,
} from './implementationApi';

/** Who is responsible: the member of staff, or the role or organisation written. */
export function responsibleOf(item: ImplementationItem): string {
  return item.responsibleUser?.name ?? item.responsibleText ?? '';
}

/**
 * The checklist grouped by the model's four parts (Kilde: Boligområdemodellen,
 * opfølgningsværktøj til implementering): each item's status, responsible, evidence and next
 * review, a link to the item (edit and history), and "Gennemgå tjeklisten" for coordinators.
 */
export function ChecklistView() {
  const { t } = useTranslation();
  const checklist = useChecklist();
  return (
    <>
      <PageHeading>{t('implementation.heading')}</PageHeading>
      <p className="font-lead">{t('implementation.intro')}</p>
      <p>{t('implementation.source')}</p>
      <QueryState
        query={checklist}
        loading={t('implementation.loading')}
        loadError={t('implementation.loadError')}
      >
        {(data) => <ChecklistBody checklist={data} />}
      </QueryState>
    </>
  );
}

function ChecklistBody({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  const last = checklist.reviews[0];
  return (
    <>
      <section aria-labelledby="implementation-review-heading">
        <h2 id="implementation-review-heading">{t('implementation.review.heading')}</h2>
        {last ? (
          <p>
            {t('implementation.review.last', {
              date: formatDate(last.reviewedOn),
              name: last.reviewedBy.name,
            })}{' '}
            {t('implementation.review.next', { date: formatDate(checklist.nextReviewOn) })}
          </p>
        ) : (
          <p>{t('implementation.review.none')}</p>
        )}
        {checklist.reviewDue && (
          <div className="alert alert-warning" role="status">
            <div className="alert-body">
              <p className="alert-text">{t('implementation.review.due')}</p>
            </div>
          </div>
        )}
        {checklist.abilities.edit && (
          <Link className="button button-secondary" to="gennemgang">
            {t('implementation.review.start')}
          </Link>
        )}
      </section>
      {IMPLEMENTATION_PARTS.map((part) => (
        <section key={part} aria-labelledby={`implementation-part-${part}`}>
          <h2 id={`implementation-part-${part}`}>{t(`implementation.parts.${part}`)}</h2>
          <CompactTable
            caption={t(`implementation.parts.${part}`)}
            columns={[
              t('implementation.columns.item'),
              t('implementation.columns.status'),
              t('implementation.columns.responsible'),
              t('implementation.columns.evidence'),
              t('implementation.columns.nextReview'),
            ]}
          >
            {checklist.items
              .filter((item) => item.part === part)
              .map((item) => (
                <tr key={item.key}>
                  <td>
                    <Link to={`punkt/${item.key}`}>
                      {t(`implementation.items.${item.key}.label`)}
                    </Link>
                    {item.leadership && (
                      <span className="display-block text-small">
                        {t('implementation.leadership')}
                      </span>
                    )}
                  </td>
                  <td>
                    {t(`implementation.status.${item.status}`)}
                    {item.notRelevantReason && (
                      <span className="display-block text-small">{item.notRelevantReason}</span>
                    )}
                  </td>
                  <td>{responsibleOf(item)}</td>
                  <td>{item.evidence ?? ''}</td>
                  <td>
                    {formatDate(item.nextReviewOn)}
                    {item.reviewDue && (
                      <strong className="display-block">{t('implementation.itemDue')}</strong>
                    )}
                  </td>
                </tr>
              ))}
          </CompactTable>
        </section>
      ))}
    </>
  );
}
