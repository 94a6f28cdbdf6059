import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { TrailKindSchema } from '../../../../server/modules/disclosures/schema-trail.ts';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { DateInput, Form, RadioGroup, TextInput, useZodForm } from '../../ui/form';
import { citizenTrail } from './disclosuresApi';
import { MoreButton, PersonsFound, useSearchPages } from './useSearchPages';
import { TrailTable } from './TrailTable';

/**
 * "Hvem har set og modtaget borgerens oplysninger" (/indsigt/borger) for the data-protection role
 * (issue 13, Done when): the citizen found by CPR number — typed into a masked field, sent in the
 * request body, never in the address — and every read and disclosure of the citizen's data in one
 * time order, by period and kind, a page at a time. The server audits each view.
 */
export function CitizenTrailPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.disclosures.register) return <AccessDeniedPage />;
  return <Trail />;
}

const DAY = /^([0-9]{4}-[0-9]{2}-[0-9]{2})?$/;
const TrailValues = z.object({
  cpr: z
    .string()
    .trim()
    .regex(/^[0-9]{6}-?[0-9]{4}$/),
  kind: TrailKindSchema,
  from: z.string().regex(DAY),
  to: z.string().regex(DAY),
});
type TrailValues = z.output<typeof TrailValues>;

const KINDS = TrailKindSchema.options;

function Trail() {
  const { t } = useTranslation();
  usePageTitle(t('disclosures.trail.title'));
  const form = useZodForm(TrailValues, {
    defaultValues: { cpr: '', kind: 'all', from: '', to: '' },
    messages: {
      cpr: {
        required: 'disclosures.register.cprInvalid',
        invalid_format: 'disclosures.register.cprInvalid',
      },
      from: { invalid_format: 'disclosures.register.dateInvalid' },
      to: { invalid_format: 'disclosures.register.dateInvalid' },
    },
  });
  const pages = useSearchPages((values: TrailValues, after?: string | null) =>
    citizenTrail({
      cpr: values.cpr,
      kind: values.kind,
      ...(values.from && { from: values.from }),
      ...(values.to && { to: values.to }),
      ...(after && { after }),
    }),
  );
  const { result, mutation: view } = pages;
  const names = new Map((result?.persons ?? []).map((p) => [p.id, p.name]));

  return (
    <>
      <PageHeading>{t('disclosures.trail.title')}</PageHeading>
      <p className="font-lead">{t('disclosures.trail.intro')}</p>
      <p>
        <Link to="/indsigt">{t('disclosures.register.accessReports')}</Link>
        {' · '}
        <Link to="/indsigt/videregivelser">{t('disclosures.register.link')}</Link>
      </p>
      <Form
        id="citizen-trail"
        form={form}
        onSubmit={pages.search}
        error={view.error}
        errorTitle={t('disclosures.trail.failedTitle')}
      >
        <TextInput
          name="cpr"
          type="password"
          label={t('disclosures.register.cpr')}
          hint={t('disclosures.trail.cprHint')}
          widthClass="input-width-s"
          autoComplete="off"
          inputMode="numeric"
          required
        />
        <RadioGroup
          name="kind"
          label={t('disclosures.trail.kind')}
          options={KINDS.map((k) => ({ value: k, label: t(`disclosures.trail.kinds.${k}`) }))}
        />
        <DateInput name="from" label={t('disclosures.register.from')} />
        <DateInput name="to" label={t('disclosures.register.to')} />
        <button type="submit" className="button button-primary" disabled={view.isPending}>
          {t('disclosures.trail.submit')}
        </button>
      </Form>
      {result && (
        <section aria-live="polite">
          <h2>{t('disclosures.register.results')}</h2>
          {result.persons.length === 0 ? (
            <p>{t('disclosures.trail.nobody')}</p>
          ) : (
            <PersonsFound persons={result.persons} />
          )}
          {result.persons.length > 0 &&
            (result.items.length === 0 ? (
              <p>{t('disclosures.trail.empty')}</p>
            ) : (
              <TrailTable items={result.items} names={names} />
            ))}
          <MoreButton more={pages.more} pending={view.isPending} />
        </section>
      )}
    </>
  );
}
