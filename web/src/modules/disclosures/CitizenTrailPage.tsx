import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { TrailKindSchema } from '../../../../server/modules/disclosures/schema-trail.ts';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { DateInput, Form, RadioGroup, TextInput, useZodForm } from '../../ui/form';
import { formatDate } from '../cases/format';
import { citizenTrail, type CitizenTrail } from './disclosuresApi';
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
  const [shown, setShown] = useState<TrailValues | null>(null);
  const [result, setResult] = useState<CitizenTrail | null>(null);
  const view = useMutation({
    mutationFn: ({ values, after }: { values: TrailValues; after?: string | null }) =>
      citizenTrail({
        cpr: values.cpr,
        kind: values.kind,
        ...(values.from && { from: values.from }),
        ...(values.to && { to: values.to }),
        ...(after && { after }),
      }),
    onSuccess: (page, { after }) =>
      setResult((previous) =>
        after && previous ? { ...page, items: [...previous.items, ...page.items] } : page,
      ),
  });
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
        onSubmit={async (values) => {
          setShown(values);
          await view.mutateAsync({ values });
        }}
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
            <p>
              {t('disclosures.register.personsFound', {
                persons: result.persons
                  .map((p) => (p.birthDate ? `${p.name} (${formatDate(p.birthDate)})` : p.name))
                  .join(', '),
              })}
            </p>
          )}
          {result.persons.length > 0 &&
            (result.items.length === 0 ? (
              <p>{t('disclosures.trail.empty')}</p>
            ) : (
              <TrailTable items={result.items} names={names} />
            ))}
          {result.nextCursor && shown && (
            <button
              type="button"
              className="button button-secondary"
              disabled={view.isPending}
              onClick={() => void view.mutateAsync({ values: shown, after: result.nextCursor })}
            >
              {t('disclosures.register.more')}
            </button>
          )}
        </section>
      )}
    </>
  );
}
