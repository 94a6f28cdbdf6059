import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { RegisterSearchBody } from '../../../../server/modules/disclosures/schema.ts';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { DateInput, Form, TextInput, useZodForm } from '../../ui/form';
import { DisclosureTable } from './DisclosureTable';
import { searchRegister } from './disclosuresApi';
import { MoreButton, PersonsFound, useSearchPages } from './useSearchPages';

/**
 * "Register over videregivelser" (/indsigt/videregivelser) for the data-protection role: every
 * disclosure of the municipality, searched by citizen (CPR number, sent in the request body and
 * never in the address), recipient, legal basis and period, newest first, a page at a time.
 */
export function DisclosureRegisterPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.disclosures.register) return <AccessDeniedPage />;
  return <Register />;
}

/** The form's values: empty fields are left out of the search. */
const SearchValues = z.object({
  cpr: z
    .string()
    .trim()
    .regex(/^([0-9]{6}-?[0-9]{4})?$/),
  recipient: z.string().trim().max(200),
  legalBasis: z.string().trim().max(300),
  from: z.string().regex(/^([0-9]{4}-[0-9]{2}-[0-9]{2})?$/),
  to: z.string().regex(/^([0-9]{4}-[0-9]{2}-[0-9]{2})?$/),
});
type SearchValues = z.output<typeof SearchValues>;

function toBody(values: SearchValues, after?: string | null): z.input<typeof RegisterSearchBody> {
  return {
    ...(values.cpr && { cpr: values.cpr }),
    ...(values.recipient && { recipient: values.recipient }),
    ...(values.legalBasis && { legalBasis: values.legalBasis }),
    ...(values.from && { from: values.from }),
    ...(values.to && { to: values.to }),
    ...(after && { after }),
  };
}

function Register() {
  const { t } = useTranslation();
  usePageTitle(t('disclosures.register.title'));
  const form = useZodForm(SearchValues, {
    defaultValues: { cpr: '', recipient: '', legalBasis: '', from: '', to: '' },
    messages: {
      cpr: { invalid_format: 'disclosures.register.cprInvalid' },
      from: { invalid_format: 'disclosures.register.dateInvalid' },
      to: { invalid_format: 'disclosures.register.dateInvalid' },
    },
  });
  const pages = useSearchPages((values: SearchValues, after?: string | null) =>
    searchRegister(toBody(values, after)),
  );
  const { result, mutation: search } = pages;

  return (
    <>
      <PageHeading>{t('disclosures.register.title')}</PageHeading>
      <p className="font-lead">{t('disclosures.register.intro')}</p>
      <p>
        <Link to="/indsigt">{t('disclosures.register.accessReports')}</Link>
      </p>
      <Form
        id="disclosure-register"
        form={form}
        onSubmit={pages.search}
        error={search.error}
        errorTitle={t('disclosures.register.failedTitle')}
      >
        <TextInput
          name="cpr"
          label={t('disclosures.register.cpr')}
          hint={t('disclosures.register.cprHint')}
          widthClass="input-width-s"
          autoComplete="off"
        />
        <TextInput
          name="recipient"
          label={t('disclosures.register.recipient')}
          widthClass="input-width-l"
        />
        <TextInput
          name="legalBasis"
          label={t('disclosures.register.legalBasis')}
          widthClass="input-width-l"
        />
        <DateInput name="from" label={t('disclosures.register.from')} />
        <DateInput name="to" label={t('disclosures.register.to')} />
        <button type="submit" className="button button-primary" disabled={search.isPending}>
          {t('disclosures.register.submit')}
        </button>
      </Form>
      {result && (
        <section aria-live="polite">
          <h2>{t('disclosures.register.results')}</h2>
          {result.persons.length > 0 && <PersonsFound persons={result.persons} />}
          {result.items.length === 0 ? (
            <p>{t('disclosures.register.none')}</p>
          ) : (
            <DisclosureTable items={result.items} showCase />
          )}
          <MoreButton more={pages.more} pending={search.isPending} />
        </section>
      )}
    </>
  );
}
