import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import { TextField } from '../../ui/TextField';
import { Select } from '../../ui/fields';
import { parseDanishDate } from './format';
import {
  findPossibleDuplicates,
  RELATIONS,
  type DuplicateQuery,
  type PossibleDuplicate,
} from './inquiriesApi';
import type { PersonDraft } from './intakeState';

/** Ids of a person's fields, by the person's place in the form. */
export const personFieldId = (index: number, field: string) => `intake-person-${index}-${field}`;

/** What to ask the server about: a full CPR number, or a name with a birth date. */
function duplicateQuery(person: PersonDraft): DuplicateQuery | null {
  if (person.existing) return null;
  const cpr = person.cpr.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(cpr)) return { cpr };
  const birthDate = parseDanishDate(person.birthDate);
  const givenName = person.givenName.trim();
  const familyName = person.familyName.trim();
  if (givenName && familyName && birthDate) return { givenName, familyName, birthDate };
  return null;
}

/**
 * Possible earlier registrations of the person being typed, asked for 400 ms after the typing
 * stops. A failed look-up shows nothing: recording the inquiry must never wait for it.
 */
function usePossibleDuplicates(person: PersonDraft): PossibleDuplicate[] {
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

interface PersonFieldsProps {
  index: number;
  person: PersonDraft;
  errors: Record<string, string>;
  /** Errors are named by the person's place in the body (blank persons are not sent). */
  bodyIndex: number;
  onChange: (person: PersonDraft) => void;
  onRemove: (() => void) | null;
}

/** One person of the inquiry: new (name, birth date, CPR, …) or an existing registration. */
export function PersonFields({
  index,
  person,
  errors,
  bodyIndex,
  onChange,
  onRemove,
}: PersonFieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const duplicates = usePossibleDuplicates(person);
  const id = (field: string) => personFieldId(index, field);
  const error = (field: string) =>
    errors[`body.persons.${bodyIndex}.new.${field}`] ??
    (field === 'givenName' ? errors[`body.persons.${bodyIndex}`] : undefined);
  const set = (field: keyof PersonDraft) => (event: { target: { value: string } }) =>
    onChange({ ...person, [field]: event.target.value });

  const heading =
    index === 0
      ? t('inquiries.intake.person.firstHeading')
      : t('inquiries.intake.person.heading', { number: index + 1 });

  return (
    <fieldset className="inquiry-person">
      <legend id={headingId} className="h4">
        {heading}
      </legend>
      {index > 0 && (
        <Select
          id={id('relation')}
          label={t('inquiries.intake.person.relation')}
          error={errors[`body.persons.${bodyIndex}.relationToFirst`]}
          value={person.relationToFirst}
          onChange={(event) =>
            onChange({
              ...person,
              relationToFirst: event.target.value as PersonDraft['relationToFirst'],
            })
          }
        >
          <option value="">{t('inquiries.common.choose')}</option>
          {RELATIONS.map((relation) => (
            <option key={relation} value={relation}>
              {t(`inquiries.relations.${relation}`)}
            </option>
          ))}
        </Select>
      )}

      {person.existing ? (
        <div className="inquiry-existing">
          <p>
            <strong>{t('inquiries.intake.person.existingLabel')}</strong> {person.existing.name}
            {person.existing.birthDate &&
              `, ${t('inquiries.intake.person.born', { date: formatDate(person.existing.birthDate) })}`}
          </p>
          <button
            type="button"
            className="button button-tertiary"
            id={id('givenName')}
            onClick={() => onChange({ ...person, existing: null })}
          >
            {t('inquiries.intake.person.undoExisting')}
          </button>
        </div>
      ) : (
        <>
          <div className="inquiry-field-row">
            <TextField
              id={id('givenName')}
              label={t('inquiries.intake.person.givenName')}
              error={error('givenName')}
              widthClass="input-width-m"
              autoComplete="off"
              value={person.givenName}
              onChange={set('givenName')}
            />
            <TextField
              id={id('familyName')}
              label={t('inquiries.intake.person.familyName')}
              error={error('familyName')}
              widthClass="input-width-m"
              autoComplete="off"
              value={person.familyName}
              onChange={set('familyName')}
            />
          </div>
          <div className="inquiry-field-row">
            <TextField
              id={id('birthDate')}
              label={t('inquiries.intake.person.birthDate')}
              hint={t('inquiries.common.dateHint')}
              error={error('birthDate')}
              widthClass="input-char-11"
              autoComplete="off"
              inputMode="numeric"
              value={person.birthDate}
              onChange={set('birthDate')}
            />
            <TextField
              id={id('cpr')}
              label={t('inquiries.intake.person.cpr')}
              hint={t('inquiries.intake.person.cprHint')}
              error={error('cpr')}
              widthClass="input-char-11"
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
              value={person.cpr}
              onChange={set('cpr')}
            />
          </div>
          {duplicates.length > 0 && (
            <div className="alert alert-info inquiry-duplicates" role="status">
              <div className="alert-body">
                <h4 className="alert-heading">{t('inquiries.intake.person.duplicatesHeading')}</h4>
                <p className="alert-text">{t('inquiries.intake.person.duplicatesText')}</p>
                <ul className="nobullet-list">
                  {duplicates.map((duplicate) => (
                    <li key={duplicate.id} className="inquiry-duplicate">
                      <span>
                        {duplicate.name}
                        {duplicate.birthDate &&
                          `, ${t('inquiries.intake.person.born', { date: formatDate(duplicate.birthDate) })}`}{' '}
                        ({t(`inquiries.intake.person.matchedOn.${duplicate.matchedOn}`)})
                      </span>{' '}
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('inquiries.intake.person.useExistingFor', {
                          name: duplicate.name,
                        })}
                        onClick={() =>
                          onChange({
                            ...person,
                            existing: {
                              id: duplicate.id,
                              name: duplicate.name,
                              birthDate: duplicate.birthDate,
                            },
                            givenName: '',
                            familyName: '',
                            birthDate: '',
                            cpr: '',
                            address: '',
                            phone: '',
                          })
                        }
                      >
                        {t('inquiries.intake.person.useExisting')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          <TextField
            id={id('address')}
            label={t('inquiries.intake.person.address')}
            error={error('address')}
            widthClass="input-width-xl"
            autoComplete="off"
            value={person.address}
            onChange={set('address')}
          />
          <TextField
            id={id('phone')}
            label={t('inquiries.intake.person.phone')}
            error={error('phone')}
            widthClass="input-width-s"
            autoComplete="off"
            inputMode="tel"
            value={person.phone}
            onChange={set('phone')}
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
