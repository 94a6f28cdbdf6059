import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { MergeBody } from '../../../../server/modules/persons/schema.ts';
import { isStale } from '../../app/api';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { Form, RadioGroup, TextInput, useZodForm } from '../../ui/form';
import { ConfirmButtons } from '../admin/ConfirmDialog';
import { formatDate } from '../cases/format';
import {
  fieldCode,
  findDuplicates,
  mergePerson,
  useInvalidatePersons,
  type DuplicateHit,
  type Person,
} from './personsApi';
import { PersonStale } from './PersonStale';

/** The registration to merge into: its id, as chosen or pasted (any case, spaces around). */
const Target = z.object({
  intoPersonId: z.string().trim().toLowerCase().pipe(MergeBody.shape.intoPersonId),
});
const INVALID_ID = 'persons.merge.invalidId';

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
  const form = useZodForm(Target, {
    defaultValues: { intoPersonId: '' },
    messages: { intoPersonId: { required: INVALID_ID, invalid_format: INVALID_ID } },
  });
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

  const choose = ({ intoPersonId: id }: z.output<typeof Target>) =>
    setConfirming({ id, name: hits.find((h) => h.id === id)?.name ?? null });

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
            <p>{t('persons.merge.hitsFound', { count: hits.length })}</p>
          )}
        </div>
      )}

      <Form id="merge" form={form} onSubmit={choose}>
        {hits.length > 0 && (
          <RadioGroup
            name="intoPersonId"
            id="merge-hit"
            label={t('persons.merge.hitsLegend')}
            choose={t('persons.merge.invalidId')}
            options={hits.map((hit) => ({
              value: hit.id,
              label:
                hit.name +
                (hit.birthDate
                  ? `, ${t('persons.merge.born', { date: formatDate(hit.birthDate) })}`
                  : '') +
                ` (${t(`persons.merge.matchedOn.${hit.matchedOn}`)})`,
            }))}
          />
        )}
        <TextInput
          name="intoPersonId"
          id="merge-person-id"
          label={t('persons.merge.personId')}
          hint={t('persons.merge.personIdHint')}
          widthClass="input-width-xl"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button button-secondary" disabled={merge.isPending}>
          {t('persons.merge.continue')}
        </button>
      </Form>

      {isStale(merge.error) && (
        <PersonStale text={t('persons.merge.staleText')} onReload={reload} />
      )}
      {merge.isError && !isStale(merge.error) && (
        <ErrorAlert
          title={t('persons.merge.failed')}
          error={merge.error}
          text={problem && t(problem)}
        />
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
          <ConfirmButtons
            confirmLabel={pending ? t('persons.merge.merging') : t('persons.merge.confirm')}
            cancelLabel={t('persons.merge.cancel')}
            pending={pending}
            onConfirm={onConfirm}
            onCancel={onCancel}
          />
        </div>
      </div>
    </div>
  );
}
