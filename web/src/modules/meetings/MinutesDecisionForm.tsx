import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONCERN_LEVELS, ConcernLevelSchema } from '../../../../shared/values.ts';
import type { MinutesActionKind } from '../../../../server/modules/meetings/minutes-schema.ts';
import {
  Checkbox,
  DateInput,
  Form,
  Select,
  TextArea,
  danishToday,
  useZodForm,
} from '../../ui/form';
import { InquiryDecision } from './MinutesInquiryDecision';
import { InterventionDecision } from './MinutesInterventionDecision';
import { recordDecision, type MinutesActionInput, type MinutesItem } from './minutesApi';

/**
 * The decision that acts on an item's record, the form chosen by the decision's kind (from the
 * kinds the server offers for the item). The server makes it through the record's own module, so
 * a decision the record's rules refuse comes back with their message on the field. The inquiry's
 * decision and a new intervention have their own files (MinutesInquiryDecision.tsx,
 * MinutesInterventionDecision.tsx).
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const ConcernForm = z.object({
  concernLevel: ConcernLevelSchema,
  summary: z.string().trim().max(8000).nullable(),
});
/** Outcomes that need nothing more than a reason; a transfer or "other" is made on the case. */
const CLOSURE_OUTCOMES = ['handled', 'moved', 'contact_lost', 'police'] as const;
const ClosureForm = z.object({ outcome: z.enum(CLOSURE_OUTCOMES), reason: text(4000) });

const ReviewForm = z.object({
  decision: z.enum(['confirm', 'reopen']),
  heldOn: z.iso.date(),
  reason: z.string().trim().max(4000).nullable(),
  answer: z.boolean(),
});

const FORM_KINDS: MinutesActionKind[] = [
  'concern_level',
  'inquiry_decision',
  'closure_proposed',
  'closure_approved',
  'review',
  'plan_approved',
  'intervention_added',
];

export function MinutesDecisionForm({
  item,
  meetingId,
  version,
  onChanged,
}: {
  item: MinutesItem;
  meetingId: string;
  version: number;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MinutesActionKind | ''>('');
  const selectId = `minutes-decision-kind-${item.agendaItemId}`;
  const decide = useMutation({
    mutationFn: (action: MinutesActionInput) =>
      recordDecision(meetingId, item.agendaItemId, {
        version,
        action,
        // The record as it was read: a change made meanwhile answers 409 instead of being lost.
        ...(item.recordVersion === null ? {} : { inquiryVersion: item.recordVersion }),
      }),
    onSuccess: onChanged,
  });
  const submit = (action: MinutesActionInput) => decide.mutateAsync(action);
  const props = {
    itemId: item.agendaItemId,
    submit,
    error: decide.error,
    pending: decide.isPending,
  };
  return (
    <fieldset className="minutes-decision">
      <legend className="h4">{t('minutes.decide.heading')}</legend>
      <div className="form-group">
        <label className="form-label" htmlFor={selectId}>
          {t('minutes.decide.kind')}
        </label>
        <select
          id={selectId}
          className="form-select"
          value={kind}
          onChange={(e) => setKind(e.target.value as MinutesActionKind | '')}
        >
          <option value="">{t('minutes.decide.choose')}</option>
          {item.actions.map((k) => (
            <option key={k} value={k}>
              {t(`minutes.actions.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'concern_level' && <ConcernLevelDecision {...props} />}
      {kind === 'inquiry_decision' && <InquiryDecision {...props} />}
      {kind === 'closure_proposed' && <ClosureDecision {...props} />}
      {kind === 'intervention_added' && item.caseId && (
        <InterventionDecision {...props} caseId={item.caseId} />
      )}
      {kind === 'review' && item.target?.kind === 'review' && (
        <ReviewDecision {...props} target={item.target} />
      )}
      {kind === 'plan_approved' && item.target?.kind === 'plan' && (
        <PlanDecision {...props} target={item.target} />
      )}
      {kind === 'closure_approved' && item.target?.kind === 'closure' && (
        <ClosureApproval {...props} target={item.target} />
      )}
      {(kind === 'review' || kind === 'plan_approved' || kind === 'closure_approved') &&
        !item.target && <p>{t('minutes.decide.nothingDue')}</p>}
      {kind !== '' && !FORM_KINDS.includes(kind) && <p>{t('minutes.decide.onRecordPage')}</p>}
    </fieldset>
  );
}

interface DecisionProps {
  itemId: string;
  submit: (action: MinutesActionInput) => Promise<unknown>;
  error: unknown;
  pending: boolean;
}

function SubmitButton({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button button-primary" disabled={pending}>
      {t('minutes.decide.submit')}
    </button>
  );
}

function ConcernLevelDecision({ itemId, submit, error, pending }: DecisionProps) {
  const { t } = useTranslation();
  const form = useZodForm(ConcernForm, {
    defaultValues: { concernLevel: '' as 'low', summary: '' },
  });
  return (
    <Form
      id={`minutes-concern-${itemId}`}
      form={form}
      summary={false}
      onSubmit={(v) => submit({ kind: 'concern_level', ...v })}
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <Select name="concernLevel" label={t('minutes.decide.concernLevel')}>
        <option value="">{t('minutes.decide.choose')}</option>
        {CONCERN_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`cases.concernLevel.${level}`)}
          </option>
        ))}
      </Select>
      <TextArea name="summary" label={t('minutes.decide.summary')} empty="null" maxLength={8000} />
      <SubmitButton pending={pending} />
    </Form>
  );
}

function ClosureDecision({ itemId, submit, error, pending }: DecisionProps) {
  const { t } = useTranslation();
  const form = useZodForm(ClosureForm, { defaultValues: { outcome: '' as 'handled', reason: '' } });
  return (
    <Form
      id={`minutes-closure-${itemId}`}
      form={form}
      summary={false}
      onSubmit={(v) =>
        submit({
          kind: 'closure_proposed',
          closure: {
            ...v,
            transferredUnitId: null,
            outcomeOther: null,
            goalStatuses: [],
            interventionDispositions: [],
          },
        } as MinutesActionInput)
      }
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <Select name="outcome" label={t('minutes.decide.closureOutcome')}>
        <option value="">{t('minutes.decide.choose')}</option>
        {CLOSURE_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`closure.outcomes.${o}`)}
          </option>
        ))}
      </Select>
      <TextArea name="reason" label={t('minutes.decide.reason')} maxLength={4000} />
      <SubmitButton pending={pending} />
    </Form>
  );
}

type Target = NonNullable<MinutesItem['target']>;

function ReviewDecision({
  itemId,
  submit,
  error,
  pending,
  target,
}: DecisionProps & { target: Extract<Target, { kind: 'review' }> }) {
  const { t } = useTranslation();
  const form = useZodForm(ReviewForm, {
    defaultValues: { decision: 'confirm', heldOn: danishToday(), reason: null, answer: false },
  });
  // Six months: still at risk? Twelve: in education or work? (the closure module's questions)
  const question = target.months === 6 ? 'noLongerAtRisk' : 'inEducationOrWork';
  return (
    <Form
      id={`minutes-review-${itemId}`}
      form={form}
      summary={false}
      onSubmit={(v) =>
        submit({
          kind: 'review',
          reviewId: target.id,
          review: {
            version: target.version,
            decision: v.decision,
            heldOn: v.heldOn,
            ...(v.reason && { reason: v.reason }),
            [question]: v.answer,
          },
        } as MinutesActionInput)
      }
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <Select name="decision" label={t('minutes.decide.reviewDecision')}>
        <option value="confirm">{t('minutes.decide.confirm')}</option>
        <option value="reopen">{t('minutes.decide.reopen')}</option>
      </Select>
      <DateInput name="heldOn" label={t('minutes.decide.heldOn')} />
      <Checkbox name="answer" label={t(`minutes.decide.${question}`)} />
      <TextArea name="reason" label={t('minutes.decide.reason')} empty="null" maxLength={4000} />
      <SubmitButton pending={pending} />
    </Form>
  );
}

function PlanDecision({
  itemId,
  submit,
  error,
  pending,
  target,
}: DecisionProps & { target: Extract<Target, { kind: 'plan' }> }) {
  const { t } = useTranslation();
  const form = useZodForm(z.object({}), { defaultValues: {} });
  return (
    <Form
      id={`minutes-plan-${itemId}`}
      form={form}
      summary={false}
      onSubmit={() =>
        submit({ kind: 'plan_approved', planId: target.id, planVersion: target.version })
      }
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <p>{t('minutes.decide.planVersion', { number: target.number })}</p>
      <SubmitButton pending={pending} />
    </Form>
  );
}

function ClosureApproval({
  itemId,
  submit,
  error,
  pending,
  target,
}: DecisionProps & { target: Extract<Target, { kind: 'closure' }> }) {
  const { t } = useTranslation();
  const form = useZodForm(z.object({}), { defaultValues: {} });
  return (
    <Form
      id={`minutes-closure-approval-${itemId}`}
      form={form}
      summary={false}
      onSubmit={() => submit({ kind: 'closure_approved', closureId: target.id })}
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <p>{t('minutes.decide.closureProposal')}</p>
      <SubmitButton pending={pending} />
    </Form>
  );
}
