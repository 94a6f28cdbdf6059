import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RecordLoadFailure } from '../../ui/RecordLoadFailure';
import { useEditToggle } from '../../ui/useEditToggle';
import { formatDate, isUuid } from '../cases/format';
import { useFocusHeading } from '../cases/useFocusHeading';
import { CprReveal } from './CprReveal';
import { PersonEditForm } from './PersonEditForm';
import { PersonMerge } from './PersonMerge';
import { PersonRelations } from './PersonRelations';
import { usePerson, type Person } from './personsApi';
import './persons.css';
import { CompactTable } from '../../ui/Table';

/**
 * One person (/personer/:id), for members of one of the person's cases. Anyone else gets the
 * ordinary not-found page. The browser title names no person (titles end up in the history).
 */
export function PersonPage() {
  const { id } = useParams();
  if (!isUuid(id)) return <NotFoundPage />;
  return <PersonLoader id={id} />;
}

function PersonLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <Loading label={t('persons.person.loading')} />;
  if (person.isError) {
    return (
      <RecordLoadFailure
        error={person.error}
        title={t('persons.person.title')}
        loadError={t('persons.person.loadError')}
        onRetry={() => void person.refetch()}
      />
    );
  }
  // A new person (after a merge, the page shows the surviving one) starts the page afresh.
  return (
    <PersonView key={person.data.id} person={person.data} reload={() => void person.refetch()} />
  );
}

function PersonView({ person, reload }: { person: Person; reload: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('persons.person.title'));
  useFocusHeading();
  const abilities = useSession().data?.abilities;
  const accessReport = abilities?.records.accessReport === true;
  const mayMerge = abilities?.persons.merge === true;
  const edit = useEditToggle();
  const [saved, setSaved] = useState(false);
  const detailsId = useId();
  const casesId = useId();
  const notGiven = t('persons.person.notGiven');

  return (
    <>
      <PageHeading>{`${person.givenName} ${person.familyName}`}</PageHeading>
      <section aria-labelledby={detailsId}>
        <h2 id={detailsId} className="sr-only">
          {t('persons.person.detailsHeading')}
        </h2>
        <dl className="person-facts">
          <dt>{t('persons.person.birthDate')}</dt>
          <dd>{person.birthDate ? formatDate(person.birthDate) : notGiven}</dd>
          <dt>{t('persons.person.cpr')}</dt>
          <dd>
            {person.cprMasked ? (
              <CprReveal personId={person.id} masked={person.cprMasked} />
            ) : (
              notGiven
            )}
          </dd>
          <dt>{t('persons.person.address')}</dt>
          <dd>{person.address ?? notGiven}</dd>
          <dt>{t('persons.person.phone')}</dt>
          <dd>{person.phone ?? notGiven}</dd>
        </dl>
        {saved && !edit.editing && (
          <div className="alert alert-success" role="status">
            <div className="alert-body">
              <p className="alert-text">{t('persons.edit.saved')}</p>
            </div>
          </div>
        )}
        <p className="person-buttons">
          {!edit.editing && (
            <button
              type="button"
              id={edit.openerId}
              className="button button-secondary"
              onClick={() => {
                setSaved(false);
                edit.open();
              }}
            >
              {t('persons.edit.open')}
            </button>
          )}
          {accessReport && (
            <Link to={`/personer/${person.id}/indsigt`} className="button button-secondary">
              {t('persons.person.accessReportLink')}
            </Link>
          )}
        </p>
      </section>

      {edit.editing && (
        // A new version (after saving or reloading) starts the form from the stored values.
        <PersonEditForm
          key={person.version}
          person={person}
          reload={reload}
          onDone={(wasSaved) => {
            setSaved(wasSaved);
            if (wasSaved) edit.close();
            else edit.cancel();
          }}
        />
      )}

      <PersonRelations person={person} />

      <section aria-labelledby={casesId} className="person-section">
        <h2 id={casesId}>{t('persons.person.casesHeading')}</h2>
        {person.cases.length === 0 ? (
          <p>{t('persons.person.noCases')}</p>
        ) : (
          <CompactTable
            className="person-table"
            caption={t('persons.person.casesCaption')}
            columns={[
              t('persons.person.caseColumn'),
              t('persons.person.statusColumn'),
              t('persons.person.relationColumn'),
            ]}
          >
            {person.cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/sager/${c.id}`}>{c.reference}</Link>
                </td>
                <td>{t(`cases.status.${c.status}`)}</td>
                <td>{t(`cases.personRoles.${c.role}`)}</td>
              </tr>
            ))}
          </CompactTable>
        )}
      </section>

      {mayMerge && <PersonMerge person={person} reload={reload} />}
    </>
  );
}
