import { isStale } from '../../app/api';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { TextField } from '../../ui/TextField';
import { formatDate, isUuid } from '../cases/format';
import {
  fieldCode,
  findDuplicates,
  mergePerson,
  useInvalidatePersons,
  type DuplicateHit,
  type Person,
} from './personsApi';

const ID_FIELD = 'merge-person-id';

/** What the server's refusal means, in the page's words. */
const MERGE_PROBLEMS = {
  merge_cpr_differs: 'persons.merge.cprDiffers',
  merge_same_person: 'persons.merge.samePerson',
  merge_target_not_found: 'persons.merge.notFound',
  merge_other_municipality: 'persons.merge.otherMunicipality',
} as const;

/**
 * "Sammenlæg med en anden registrering" (coordinators): find the other registration among the
 * possible duplicates (same birth date and a similar name) or paste its id, confirm, and this
 * registration is merged into the other: its cases, inquiries and relations move there, blank
 * fields there are filled, and this one no longer exists. Logged for both persons.
 */
export function PersonMerge({ person, reload }: { person: Person; reload: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const invalidate = useInvalidatePersons();
  const [targetId, setTargetId] = useState('');
  const [idError, setIdError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<{ id: string; name: string | null } | null>(null);

  const search = useMutation({
    mutationFn: () =>
      findDuplicates({
        givenName: person.givenName,
        familyName: person.familyName,
        ...(person.birthDate && { birthDate: person.birthDate }),
      }),
  });
  const hits: DuplicateHit[] = (search.data?.items ?? []).filter((h) => h.id !== person.id);
  const merge = useMutation({
    mutationFn: (intoPersonId: string) => mergePerson(person.id, intoPersonId, person.version),
    onSuccess: async (result) => {
      await invalidate();
      void navigate(`/personer/${result.intoPersonId}`);
    },
    onError: () => setConfirming(null),
  });

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = targetId.trim().toLowerCase();
    if (!isUuid(id)) {
      setIdError(t('persons.merge.invalidId'));
      document.getElementById(ID_FIELD)?.focus();
      return;
    }
    setConfirming({ id, name: hits.find((h) => h.id === id)?.name ?? null });
  };

  const problem = Object.entries(MERGE_PROBLEMS).find(
    ([code]) => fieldCode(merge.error, 'body.intoPersonId') === code,
  )?.[1];

  return (
    <section aria-labelledby={headingId} className="person-section person-merge">
      <h2 id={headingId}>{t('persons.merge.heading')}</h2>
      <p>{t('persons.merge.intro', { name: `${person.givenName} ${person.familyName}` })}</p>

      {person.birthDate ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            disabled={search.isPending}
            onClick={() => search.mutate()}
          >
            {search.isPending ? t('persons.merge.searching') : t('persons.merge.search')}
          </button>
        </p>
      ) : (
        <p>{t('persons.merge.noBirthDate')}</p>
      )}
      {search.isError && (
        <ErrorAlert title={t('persons.merge.searchFailed')} error={search.error} />
      )}
      {search.isSuccess && (
        <div aria-live="polite">
          {hits.length === 0 ? (
            <p>{t('persons.merge.noHits')}</p>
          ) : (
            <fieldset>
              <legend className="form-label">{t('persons.merge.hitsLegend')}</legend>
              <ul className="nobullet-list">
                {hits.map((hit) => (
                  <li key={hit.id} className="form-group-radio">
                    <input
                      type="radio"
                      id={`merge-hit-${hit.id}`}
                      name="merge-hit"
                      className="form-radio radio-large"
                      checked={targetId === hit.id}
                      onChange={() => {
                        setTargetId(hit.id);
                        setIdError(undefined);
                      }}
                    />
                    <label htmlFor={`merge-hit-${hit.id}`}>
                      {hit.name}
                      {hit.birthDate &&
                        `, ${t('persons.merge.born', { date: formatDate(hit.birthDate) })}`}{' '}
                      ({t(`persons.merge.matchedOn.${hit.matchedOn}`)})
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </div>
      )}

      <form noValidate onSubmit={choose}>
        <TextField
          id={ID_FIELD}
          label={t('persons.merge.personId')}
          hint={t('persons.merge.personIdHint')}
          error={idError}
          widthClass="input-width-xl"
          autoComplete="off"
          spellCheck={false}
          value={targetId}
          onChange={(e) => {
            setTargetId(e.target.value);
            setIdError(undefined);
          }}
        />
        <button type="submit" className="button button-secondary" disabled={merge.isPending}>
          {t('persons.merge.continue')}
        </button>
      </form>

      {isStale(merge.error) && (
        <div className="alert alert-warning" role="alert">
          <Icon name="warning" className="alert-icon" />
          <div className="alert-body">
            <h3 className="alert-heading">{t('persons.edit.staleTitle')}</h3>
            <p className="alert-text">{t('persons.merge.staleText')}</p>
            <button type="button" className="button button-secondary mt-4" onClick={reload}>
              {t('persons.edit.reload')}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          <Icon name="error" className="alert-icon" />
          <div className="alert-body">
            <h3 className="alert-heading">{t('persons.merge.failed')}</h3>
            <p className="alert-text">{t(problem)}</p>
          </div>
        </div>
      )}
      {merge.isError && !problem && !isStale(merge.error) && (
        <ErrorAlert title={t('persons.merge.failed')} error={merge.error} />
      )}

      {confirming && (
        <ConfirmMerge
          text={
            confirming.name
              ? t('persons.merge.confirmTextNamed', {
                  name: `${person.givenName} ${person.familyName}`,
                  other: confirming.name,
                })
              : t('persons.merge.confirmText', {
                  name: `${person.givenName} ${person.familyName}`,
                })
          }
          pending={merge.isPending}
          onConfirm={() => merge.mutate(confirming.id)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}

interface ConfirmMergeProps {
  text: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last step before merging: what will happen, and that it cannot be undone. Takes focus. */
function ConfirmMerge({ text, pending, onConfirm, onCancel }: ConfirmMergeProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      className="alert alert-warning person-merge-confirm"
      role="group"
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <h3 className="alert-heading" id={headingId}>
          {t('persons.merge.confirmTitle')}
        </h3>
        <p className="alert-text">{text}</p>
        <div className="person-buttons mt-4">
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={onConfirm}
          >
            {pending ? t('persons.merge.merging') : t('persons.merge.confirm')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={pending}
            onClick={onCancel}
          >
            {t('persons.merge.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
