import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage, focusAfterSave } from '../../ui/form';
import { CatalogueFilters } from './CatalogueFilters';
import { LEVELS, useCatalogue, type CatalogueFilter, type InterventionType } from './catalogueApi';
import { EmptyCatalogue } from './EmptyCatalogue';
import { LevelTable } from './LevelTable';
import { TypeForm } from './TypeForm';

/**
 * "Indsatskatalog": the municipality's interventions catalogue, grouped by the level of the
 * prevention triangle, with filters; those who manage it add and change offers, and load the
 * standard catalogue into an empty one.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  usePageTitle(`${t('interventions.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const session = useSession().data;
  const mayManage = session?.abilities?.catalogue.manage ?? false;
  const [filter, setFilter] = useState<CatalogueFilter>({});
  const types = useCatalogue(filter);
  const [editing, setEditing] = useState<InterventionType | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const unfiltered = !filter.level && !filter.ageGroup && !filter.active;

  if (!session?.abilities?.catalogue.read) {
    return <p className="font-lead">{t('admin.denied')}</p>;
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('interventions.title')}</h2>
      <p>{t('interventions.intro')}</p>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {editing && (
        <TypeForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          type={editing === 'new' ? null : editing}
          municipalityCode={session.user?.municipality?.code}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setMessage(t('interventions.form.saved', { name: saved.name }));
            // The form is gone: continue from the page's heading, above the message.
            focusAfterSave(headingId);
          }}
          onReload={async () => {
            if (editing === 'new') return;
            const fresh = (await types.refetch()).data?.find((i) => i.id === editing.id);
            setEditing(fresh ?? null);
          }}
        />
      )}
      {mayManage && !editing && (
        <button
          type="button"
          className="button button-secondary mb-6"
          onClick={() => {
            setMessage(null);
            setEditing('new');
          }}
        >
          {t('interventions.form.createHeading')}
        </button>
      )}
      <CatalogueFilters onChange={setFilter} />
      <QueryState
        query={types}
        loading={t('interventions.loading')}
        loadError={t('interventions.loadError')}
      >
        {(all) =>
          all.length === 0 ? (
            unfiltered ? (
              <EmptyCatalogue
                mayManage={mayManage}
                onLoaded={(n) => setMessage(t('interventions.standard.loaded', { count: n }))}
              />
            ) : (
              <p>{t('interventions.noMatch')}</p>
            )
          ) : (
            LEVELS.map((level) => {
              const items = all.filter((i) => i.level === level);
              if (items.length === 0) return null;
              return (
                <LevelTable
                  key={level}
                  level={level}
                  items={items}
                  mayManage={mayManage}
                  onEdit={(type) => {
                    setMessage(null);
                    setEditing(type);
                  }}
                />
              );
            })
          )
        }
      </QueryState>
    </section>
  );
}
