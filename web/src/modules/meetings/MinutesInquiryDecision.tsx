import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  EXTREMISM_FORMS,
  INQUIRY_OUTCOMES,
  SUBJECT_KINDS,
  ExtremismFormSchema,
  InquiryOutcomeSchema,
  SubjectKindSchema,
} from '../../../../shared/values.ts';
import { useSession } from '../../app/session';
import { Form, saidIssue, Select, TextArea, TextInput, useZodForm } from '../../ui/form';
import i18n from '../../app/i18n';
import { useUnits } from '../interventions/catalogueApi';
import type { MinutesActionInput } from './minutesApi';

/**
 * The assessment decision of an inquiry on the agenda, made at the meeting (issue 14 part 4) by
 * the inquiries module with its own rules (four-eyes where configured): every outcome of the
 * inquiry's own page — no concern, another concern referred to a unit, a radicalisation concern
 * (a case opens), or handed to the police (at the meeting, to the recipient named).
 */
const InquiryForm = z
  .object({
    outcome: InquiryOutcomeSchema,
    reason: z.string().trim().min(1).max(4000),
    extremismForm: ExtremismFormSchema.nullable(),
    subjectKind: SubjectKindSchema,
    referredUnitId: z.string(),
    passedOn: z.string().trim().max(2000).nullable(),
    policeRecipient: z.string().trim().max(200),
    municipalityKeeps: z.string().trim().max(2000).nullable(),
  })
  .superRefine((v, ctx) => {
    const required = (field: string) =>
      ctx.addIssue(saidIssue(field, i18n.t('minutes.decide.required')));
    if (v.outcome === 'other_concern' && !v.referredUnitId) required('referredUnitId');
    if (v.outcome === 'police' && !v.policeRecipient) required('policeRecipient');
    if (v.outcome === 'radicalisation' && !v.extremismForm) required('extremismForm');
  });

export function InquiryDecision({
  itemId,
  submit,
  error,
  pending,
}: {
  itemId: string;
  submit: (action: MinutesActionInput) => Promise<unknown>;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const units = useUnits(useSession().data?.user?.municipality?.code);
  const form = useZodForm(InquiryForm, {
    defaultValues: {
      outcome: '' as 'no_concern',
      reason: '',
      extremismForm: null,
      subjectKind: 'person',
      referredUnitId: '',
      passedOn: '',
      policeRecipient: '',
      municipalityKeeps: '',
    },
  });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  return (
    <Form
      id={`minutes-inquiry-${itemId}`}
      form={form}
      summary={false}
      onSubmit={(v) =>
        submit({
          kind: 'inquiry_decision',
          decision: {
            outcome: v.outcome,
            reason: v.reason,
            referredUnitId: v.outcome === 'other_concern' ? v.referredUnitId : null,
            passedOn: v.outcome === 'other_concern' ? v.passedOn : null,
            // Handed over at the meeting, now.
            policeHandedAt: v.outcome === 'police' ? new Date().toISOString() : null,
            policeRecipient: v.outcome === 'police' ? v.policeRecipient : null,
            municipalityKeeps: v.outcome === 'police' ? v.municipalityKeeps : null,
            classification: { subjectKind: v.subjectKind, extremismForm: v.extremismForm },
          },
        } as MinutesActionInput)
      }
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <Select name="outcome" label={t('minutes.decide.outcome')}>
        <option value="">{t('minutes.decide.choose')}</option>
        {INQUIRY_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`inquiries.outcomes.${o}`)}
          </option>
        ))}
      </Select>
      <TextArea name="reason" label={t('minutes.decide.reason')} maxLength={4000} />
      {outcome === 'other_concern' && (
        <>
          <Select name="referredUnitId" label={t('minutes.decide.referredUnit')}>
            <option value="">{t('minutes.decide.choose')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <TextArea
            name="passedOn"
            label={t('minutes.decide.passedOn')}
            empty="null"
            maxLength={2000}
          />
        </>
      )}
      {outcome === 'police' && (
        <>
          <TextInput
            name="policeRecipient"
            label={t('minutes.decide.policeRecipient')}
            hint={t('minutes.decide.policeHint')}
            widthClass="input-width-l"
          />
          <TextArea
            name="municipalityKeeps"
            label={t('minutes.decide.municipalityKeeps')}
            empty="null"
            maxLength={2000}
          />
        </>
      )}
      <Select name="extremismForm" label={t('minutes.decide.extremismForm')} empty="null">
        <option value="">{t('minutes.decide.choose')}</option>
        {EXTREMISM_FORMS.map((f) => (
          <option key={f} value={f}>
            {t(`inquiries.extremismForms.${f}`)}
          </option>
        ))}
      </Select>
      <Select name="subjectKind" label={t('minutes.decide.subjectKind')}>
        {SUBJECT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`inquiries.subjectKinds.${k}`)}
          </option>
        ))}
      </Select>
      <button type="submit" className="button button-primary" disabled={pending}>
        {t('minutes.decide.submit')}
      </button>
    </Form>
  );
}
