import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../ui/QueryState';
import {
  DateInput,
  Form,
  MutationFailure,
  Select,
  TextArea,
  danishToday,
  useZodForm,
} from '../../ui/form';
import { formatDate } from '../cases/format';
import { useAreaContext } from '../housing-areas/areaContext';
import {
  AREA_INTERVENTION_NEXT,
  ChangeStatusBody,
  FollowUpBody,
  addInterventionFollowUp,
  changeInterventionStatus,
  interventionsKey,
  useAreaIntervention,
  type AreaInterventionDetail,
  type AreaInterventionStatus,
} from './areaWorkApi';

/**
 * One area intervention: its facts, its history (status changes and follow-ups), a follow-up
 * with the next follow-up date, and the next status (phasing out asks how long it is monitored).
 * Actions by the intervention's abilities from the server.
 */
export function InterventionDetail({ interventionId }: { interventionId: string }) {
  const { t } = useTranslation();
  const { area } = useAreaContext();
  const query = useAreaIntervention(area.id, interventionId);
  return (
    <QueryState
      query={query}
      loading={t('areaWork.interventions.loading')}
      loadError={t('areaWork.interventions.loadError')}
    >
      {(d) => <DetailView areaId={area.id} detail={d} onReload={() => query.refetch()} />}
    </QueryState>
  );
}

function DetailView({
  areaId,
  detail,
  onReload,
}: {
  areaId: string;
  detail: AreaInterventionDetail;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const fact = (label: string, value: string | number | null) => (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === '' ? '–' : value}</dd>
    </>
  );
  return (
    <section aria-labelledby={headingId}>
      <p>
        <Link to=".." relative="path">
          {t('areaWork.interventions.back')}
        </Link>
      </p>
      <h2 id={headingId}>{detail.title}</h2>
      <dl>
        {fact(t('areaWork.interventions.kind'), t(`areaWork.kind.${detail.kind}`))}
        {fact(t('areaWork.interventions.status'), t(`areaWork.status.${detail.status}`))}
        {fact(t('areaWork.interventions.description'), detail.description)}
        {fact(t('areaWork.interventions.targetGroup'), detail.targetGroup)}
        {fact(t('areaWork.interventions.startsOn'), detail.startsOn && formatDate(detail.startsOn))}
        {fact(t('areaWork.interventions.endsOn'), detail.endsOn && formatDate(detail.endsOn))}
        {fact(t('areaWork.interventions.plannedParticipants'), detail.plannedParticipants)}
        {fact(t('areaWork.interventions.actualParticipants'), detail.actualParticipants)}
        {detail.connectors.length > 0 &&
          fact(
            t('areaWork.interventions.connectors'),
            detail.connectors.map((c) => c.label).join(', '),
          )}
        {detail.monitoringUntil &&
          fact(t('areaWork.interventions.monitoringUntil'), formatDate(detail.monitoringUntil))}
        {fact(
          t('areaWork.interventions.nextFollowUp'),
          detail.nextFollowUpOn && formatDate(detail.nextFollowUpOn),
        )}
      </dl>
      <h3>{t('areaWork.interventions.history')}</h3>
      <ul className="area-intervention-history">
        {detail.entries.map((e) => (
          <li key={e.id}>
            {formatDate(e.on)}:{' '}
            {e.kind === 'status'
              ? t('areaWork.interventions.statusEntry', {
                  status: t(`areaWork.status.${e.toStatus ?? 'planned'}`),
                })
              : t('areaWork.interventions.followUpEntry')}
            {e.note && ` – ${e.note}`}
            {e.nextFollowUpOn &&
              ` (${t('areaWork.interventions.nextFollowUp')}: ${formatDate(e.nextFollowUpOn)})`}
          </li>
        ))}
      </ul>
      {detail.abilities.followUp && (
        <FollowUpForm areaId={areaId} detail={detail} onReload={onReload} />
      )}
      {detail.abilities.changeStatus && AREA_INTERVENTION_NEXT[detail.status].length > 0 && (
        <StatusForm areaId={areaId} detail={detail} onReload={onReload} />
      )}
    </section>
  );
}

const FollowUpValues = FollowUpBody.omit({ id: true, version: true });

function FollowUpForm({ areaId, detail, onReload }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(FollowUpValues, {
    defaultValues: { on: danishToday(), note: '', nextFollowUpOn: null },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof FollowUpValues._output) =>
      addInterventionFollowUp(areaId, detail.id, {
        ...values,
        id: crypto.randomUUID(),
        version: detail.version,
      }),
    onSuccess: async () => {
      form.reset({ on: danishToday(), note: '', nextFollowUpOn: null });
      await queryClient.invalidateQueries({ queryKey: interventionsKey(areaId) });
    },
  });
  return (
    <Form
      id="area-intervention-follow-up"
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('areaWork.interventions.saveError')}
    >
      <h3>{t('areaWork.interventions.followUpHeading')}</h3>
      <MutationFailure
        mutations={mutation}
        text={t('areaWork.interventions.stale')}
        reloadLabel={t('areaWork.interventions.reload')}
        headingLevel="h4"
        onReload={onReload}
      />
      <DateInput name="on" label={t('areaWork.interventions.followUpOn')} required />
      <TextArea
        name="note"
        label={t('areaWork.interventions.followUpNote')}
        hint={t('areaWork.interventions.noCpr')}
        maxLength={4000}
        required
      />
      <DateInput
        name="nextFollowUpOn"
        label={t('areaWork.interventions.nextFollowUp')}
        empty="null"
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('areaWork.interventions.saveFollowUp')}
      </button>
    </Form>
  );
}

interface FormProps {
  areaId: string;
  detail: AreaInterventionDetail;
  onReload: () => Promise<unknown>;
}

const StatusValues = ChangeStatusBody.omit({ version: true });

function StatusForm({ areaId, detail, onReload }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = AREA_INTERVENTION_NEXT[detail.status];
  const form = useZodForm(StatusValues, {
    defaultValues: {
      status: next[0] as AreaInterventionStatus,
      on: danishToday(),
      note: null,
      monitoringUntil: null,
    },
  });
  const chosen = form.watch('status');
  const mutation = useMutation({
    mutationFn: (values: typeof StatusValues._output) =>
      changeInterventionStatus(areaId, detail.id, { ...values, version: detail.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: interventionsKey(areaId) });
    },
  });
  return (
    <Form
      id="area-intervention-status"
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('areaWork.interventions.saveError')}
    >
      <h3>{t('areaWork.interventions.statusHeading')}</h3>
      <MutationFailure
        mutations={mutation}
        text={t('areaWork.interventions.stale')}
        reloadLabel={t('areaWork.interventions.reload')}
        headingLevel="h4"
        onReload={onReload}
      />
      <Select name="status" label={t('areaWork.interventions.newStatus')}>
        {next.map((s) => (
          <option key={s} value={s}>
            {t(`areaWork.status.${s}`)}
          </option>
        ))}
      </Select>
      {chosen === 'phasing_out' && (
        <DateInput
          name="monitoringUntil"
          label={t('areaWork.interventions.monitoringUntil')}
          hint={t('areaWork.interventions.monitoringHint')}
          empty="null"
        />
      )}
      <TextArea
        name="note"
        label={t('areaWork.interventions.statusNote')}
        empty="null"
        maxLength={4000}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('areaWork.interventions.changeStatus')}
      </button>
    </Form>
  );
}
