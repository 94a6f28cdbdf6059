import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { Form, TextInput, useZodForm } from '../../ui/form';
import './persons.css';

/**
 * "Indsigtsrapport" (/indsigt) for the data-protection role, who sees no cases: open a person's
 * access report by the person's id. Searching for persons comes with a later issue.
 */
export function AccessReportLookupPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.records.accessReport) return <AccessDeniedPage />;
  return <Lookup register={abilities.disclosures.register} dpia={abilities.dataProtection.dpia} />;
}

/** A person's id as pasted (any case, spaces around). */
const PersonId = z.object({ personId: z.string().trim().toLowerCase().pipe(z.uuid()) });
const INVALID_ID = 'persons.lookup.invalid';

function Lookup({ register, dpia }: { register: boolean; dpia: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('persons.lookup.title'));
  const navigate = useNavigate();
  const form = useZodForm(PersonId, {
    defaultValues: { personId: '' },
    messages: { personId: { required: INVALID_ID, invalid_format: INVALID_ID } },
  });

  return (
    <>
      <PageHeading>{t('persons.lookup.title')}</PageHeading>
      <p className="font-lead">{t('persons.lookup.intro')}</p>
      <p>{t('persons.lookup.searchLater')}</p>
      <Form
        id="access-report"
        form={form}
        className="access-report-lookup"
        onSubmit={({ personId }) => navigate(`/personer/${personId}/indsigt`)}
      >
        <TextInput
          name="personId"
          id="access-report-person-id"
          label={t('persons.lookup.personId')}
          hint={t('persons.lookup.personIdHint')}
          widthClass="input-width-xl"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <button type="submit" className="button button-primary">
          {t('persons.lookup.submit')}
        </button>
      </Form>
      {register && (
        <ul className="mt-6">
          <li>
            <Link to="/indsigt/borger">{t('disclosures.trail.link')}</Link>
          </li>
          <li>
            <Link to="/indsigt/videregivelser">{t('disclosures.register.link')}</Link>
          </li>
          {dpia && (
            <li>
              <Link to="/indsigt/konsekvensanalyse">{t('disclosures.dpia.link')}</Link>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
