import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage, formatDate } from '../../ui/form';
import { ItemForm } from './ItemForm';
import { ItemHistory } from './ItemHistory';
import { useChecklist, type ImplementationItem } from './implementationApi';

/**
 * One item of the checklist (/boligomraader/implementering/punkt/:key): what it asks, with its
 * source, the form that changes it (coordinators), and its history (who, when, old → new).
 */
export function ItemPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const checklist = useChecklist();
  // The version the last save stored: its success is said while the item is at that version.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <QueryState
      query={checklist}
      loading={t('implementation.loading')}
      loadError={t('implementation.loadError')}
    >
      {(data) => {
        const item = data.items.find((i) => i.key === key);
        if (!item) return <NotFoundPage />;
        return (
          <>
            <p>
              <Link to="/boligomraader/implementering">{t('implementation.back')}</Link>
            </p>
            <PageHeading>{t(`implementation.items.${item.key}.label`)}</PageHeading>
            <p className="font-lead">{t(`implementation.items.${item.key}.help`)}</p>
            <p>
              {t('implementation.partOf', { part: t(`implementation.parts.${item.part}`) })}{' '}
              {t(`implementation.sources.${item.part}`)}
            </p>
            {data.abilities.edit ? (
              <>
                {savedVersion === item.version && (
                  <SuccessMessage>{t('implementation.form.saved')}</SuccessMessage>
                )}
                {/* A new version (saved here or by someone else) starts the form anew. */}
                <ItemForm
                  key={`${item.key}-${item.version}`}
                  item={item}
                  onSaved={setSavedVersion}
                />
              </>
            ) : (
              <ItemSummary item={item} />
            )}
            <ItemHistory itemKey={item.key} />
          </>
        );
      }}
    </QueryState>
  );
}

function ItemSummary({ item }: { item: ImplementationItem }) {
  const { t } = useTranslation();
  return (
    <dl>
      <dt>{t('implementation.columns.status')}</dt>
      <dd>{t(`implementation.status.${item.status}`)}</dd>
      {item.notRelevantReason && (
        <>
          <dt>{t('implementation.form.reason')}</dt>
          <dd>{item.notRelevantReason}</dd>
        </>
      )}
      <dt>{t('implementation.columns.responsible')}</dt>
      <dd>{item.responsibleUser?.name ?? item.responsibleText ?? t('implementation.none')}</dd>
      <dt>{t('implementation.columns.evidence')}</dt>
      <dd>{item.evidence ?? t('implementation.none')}</dd>
      <dt>{t('implementation.columns.nextReview')}</dt>
      <dd>{item.nextReviewOn ? formatDate(item.nextReviewOn) : t('implementation.none')}</dd>
    </dl>
  );
}
