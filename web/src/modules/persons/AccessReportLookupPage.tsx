import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { isUuid } from '../cases/format';
import './persons.css';

const FIELD_ID = 'access-report-person-id';

/**
 * "Indsigtsrapport" (/indsigt) for the data-protection role, who sees no cases: open a person's
 * access report by the person's id. Searching for persons comes with a later issue.
 */
export function AccessReportLookupPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.records.accessReport) return <AccessDeniedPage />;
  return <Lookup />;
}

function Lookup() {
  const { t } = useTranslation();
  usePageTitle(t('persons.lookup.title'));
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = value.trim().toLowerCase();
    if (!isUuid(id)) {
      setError(t('persons.lookup.invalid'));
      document.getElementById(FIELD_ID)?.focus();
      return;
    }
    void navigate(`/personer/${id}/indsigt`);
  };

  return (
    <>
      <PageHeading>{t('persons.lookup.title')}</PageHeading>
      <p className="font-lead">{t('persons.lookup.intro')}</p>
      <p>{t('persons.lookup.searchLater')}</p>
      <form className="access-report-lookup" noValidate onSubmit={submit}>
        <TextField
          id={FIELD_ID}
          label={t('persons.lookup.personId')}
          hint={t('persons.lookup.personIdHint')}
          error={error}
          widthClass="input-width-xl"
          name="personId"
          autoComplete="off"
          spellCheck={false}
          required
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(undefined);
          }}
        />
        <button type="submit" className="button button-primary">
          {t('persons.lookup.submit')}
        </button>
      </form>
    </>
  );
}
