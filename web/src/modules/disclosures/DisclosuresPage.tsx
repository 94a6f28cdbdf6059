import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedList } from '../../ui/PagedList';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { DisclosureTable } from './DisclosureTable';
import { useCaseDisclosures } from './disclosuresApi';
import { ReadLogPanel } from './ReadLogPanel';
import { RecordDisclosureForm } from './RecordDisclosureForm';

/**
 * The case's "Videregivelser" tab (/sager/:id/videregivelser): every time information about the
 * case's persons left the team, the form for a disclosure made outside the product, and — for the
 * case's coordinators — the case's read log. Shown from the case's abilities alone.
 */
export function DisclosuresPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  const [done, setDone] = useState<string | null>(null);
  const disclosures = useCaseDisclosures(detail.id);
  const items = (disclosures.data?.pages ?? []).flatMap((p) => p.items);
  const { abilities } = detail;

  return (
    <>
      <section aria-labelledby={headingId} className="case-section disclosures">
        <h2 id={headingId}>{t('disclosures.heading')}</h2>
        <p>{t('disclosures.intro')}</p>
        {done && (
          <div id={doneId}>
            <SuccessMessage>{done}</SuccessMessage>
          </div>
        )}
        <PagedList
          query={disclosures}
          count={items.length}
          countClassName="disclosure-count"
          texts={{
            loading: t('disclosures.list.loading'),
            loadError: t('disclosures.list.loadError'),
            loadMoreError: t('disclosures.list.loadMoreError'),
            empty: t('disclosures.list.empty'),
            one: t('disclosures.list.one'),
            many: (count) => t('disclosures.list.many', { count }),
          }}
        >
          <DisclosureTable items={items} />
        </PagedList>
        {abilities.disclosures.write && (
          <details className="details disclosure-record">
            <summary className="details-summary">{t('disclosures.form.heading')}</summary>
            <div className="details-text">
              <p>{t('disclosures.form.intro')}</p>
              <RecordDisclosureForm
                detail={detail}
                onDone={(entry) => {
                  setDone(t('disclosures.form.done', { recipient: entry.recipientOrganisation }));
                  focusAfterSave(doneId);
                }}
              />
            </div>
          </details>
        )}
      </section>
      {abilities.readLog.read && <ReadLogPanel caseId={detail.id} />}
    </>
  );
}
