import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import { DateInput, TextInput } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  findPossibleDuplicates,
  RELATIONS,
  type DuplicateQuery,
  type PossibleDuplicate,
} from './inquiriesApi';
import { emptyPerson, type IntakeValues, type PersonValues } from './intakeForm';

/** What a form has typed about a person (the intake's, a case's "Tilføj person"). */
type TypedPerson = Pick<
  PersonValues,
  'existing' | 'givenName' | 'familyName' | 'birthDate' | 'cpr'
>;

/** What to ask the server about: a full CPR number, or a name with a birth date. */
function duplicateQuery(person: TypedPerson | undefined): DuplicateQuery | null {
  if (!person || person.existing) return null;
  const cpr = person.cpr.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(cpr)) return { cpr };
  const birthDate = /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate) ? person.birthDate : null;
  const givenName = person.givenName.trim();
  const familyName = person.familyName.trim();
  if (givenName && familyName && birthDate) return { givenName, familyName, birthDate };
  return null;
}

/**
 * Possible earlier registrations of the person being typed, asked for 400 ms after the typing
 * stops. A failed look-up shows nothing: recording the inquiry must never wait for it. The
 * case page's "Tilføj person" asks the same way.
 */
export function usePossibleDuplicates(person: TypedPerson | undefined): PossibleDuplicate[] {
  const query = duplicateQuery(person);
  const key = query ? JSON.stringify(query) : null;
  const [found, setFound] = useState<{ key: string; items: PossibleDuplicate[] } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      findPossibleDuplicates(JSON.parse(key) as DuplicateQuery, controller.signal)
        .then((result) => setFound({ key, items: result.items }))
        .catch(() => undefined);
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  return found && found.key === key ? found.items : [];
}

/**
 * One person of the inquiry (in the intake form): new (name, birth date, CPR, …) or an existing
 * registration chosen among the possible duplicates.
 */
export function PersonFields({
  index,
  onRemove,
}: {
  index: number;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { setValue } = useFormContext<IntakeValues>();
  const name = `persons.${index}` as const;
  const person = useWatch<IntakeValues, typeof name>({ name });
  const duplicates = usePossibleDuplicates(person);
  const choose = (existing: PersonValues['existing']) =>
    setValue(
      name,
      { ...emptyPerson(), relationToFirst: person?.relationToFirst ?? '', existing },
      {
        shouldDirty: true,
      },
    );

  const heading =
    index === 0
      ? t('inquiries.intake.person.firstHeading')
      : t('inquiries.intake.person.heading', { number: index + 1 });
  const born = (date: string | null) =>
    date ? `, ${t('inquiries.intake.person.born', { date: formatDate(date) })}` : '';

  return (
    <fieldset className="inquiry-person">
      <legend className="h4">{heading}</legend>
      {index > 0 && (
        <OptionSelect
          name={`${name}.relationToFirst`}
          label={t('inquiries.intake.person.relation')}
          none={t('inquiries.common.choose')}
          options={RELATIONS.map((relation) => ({
            value: relation,
            label: t(`inquiries.relations.${relation}`),
          }))}
        />
      )}

      {person?.existing ? (
        <div className="inquiry-existing">
          <p>
            <strong>{t('inquiries.intake.person.existingLabel')}</strong> {person.existing.name}
            {born(person.existing.birthDate)}
          </p>
          <button type="button" className="button button-tertiary" onClick={() => choose(null)}>
            {t('inquiries.intake.person.undoExisting')}
          </button>
        </div>
      ) : (
        <>
          <div className="inquiry-field-row">
            <TextInput
              name={`${name}.givenName`}
              label={t('inquiries.intake.person.givenName')}
              widthClass="input-width-m"
              autoComplete="off"
            />
            <TextInput
              name={`${name}.familyName`}
              label={t('inquiries.intake.person.familyName')}
              widthClass="input-width-m"
              autoComplete="off"
            />
          </div>
          <div className="inquiry-field-row">
            <DateInput name={`${name}.birthDate`} label={t('inquiries.intake.person.birthDate')} />
            <TextInput
              name={`${name}.cpr`}
              label={t('inquiries.intake.person.cpr')}
              hint={t('inquiries.intake.person.cprHint')}
              widthClass="input-char-11"
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
            />
          </div>
          <PossibleDuplicates
            duplicates={duplicates}
            onChoose={(duplicate) =>
              choose({ id: duplicate.id, name: duplicate.name, birthDate: duplicate.birthDate })
            }
          />
          <TextInput
            name={`${name}.address`}
            label={t('inquiries.intake.person.address')}
            widthClass="input-width-xl"
            autoComplete="off"
          />
          <TextInput
            name={`${name}.phone`}
            label={t('inquiries.intake.person.phone')}
            widthClass="input-width-s"
            autoComplete="off"
            inputMode="tel"
          />
        </>
      )}
      {onRemove && (
        <button type="button" className="button button-tertiary mt-4" onClick={onRemove}>
          {t('inquiries.intake.person.remove', { heading })}
        </button>
      )}
    </fieldset>
  );
}

/**
 * The possible earlier registrations of a person being typed, each with a button that uses it
 * instead of registering the person again (the intake, and a case's "Tilføj person").
 */
export function PossibleDuplicates({
  duplicates,
  onChoose,
}: {
  duplicates: PossibleDuplicate[];
  onChoose: (duplicate: PossibleDuplicate) => void;
}) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  const born = (date: string | null) =>
    date ? `, ${t('inquiries.intake.person.born', { date: formatDate(date) })}` : '';
  return (
    <div className="alert alert-info inquiry-duplicates" role="status">
      <div className="alert-body">
        <h4 className="alert-heading">{t('inquiries.intake.person.duplicatesHeading')}</h4>
        <p className="alert-text">{t('inquiries.intake.person.duplicatesText')}</p>
        <ul className="nobullet-list">
          {duplicates.map((duplicate) => (
            <li key={duplicate.id} className="inquiry-duplicate">
              <span>
                {duplicate.name}
                {born(duplicate.birthDate)} (
                {t(`inquiries.intake.person.matchedOn.${duplicate.matchedOn}`)})
              </span>{' '}
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('inquiries.intake.person.useExistingFor', { name: duplicate.name })}
                onClick={() => onChoose(duplicate)}
              >
                {t('inquiries.intake.person.useExisting')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
