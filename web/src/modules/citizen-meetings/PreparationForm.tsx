import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PrepareCitizenMeetingBody } from '../../../../server/modules/citizen-meetings/schema.ts';
import {
  MEETING_PURPOSES,
  RISK_ANSWERS,
  RISK_ITEMS,
  type MeetingPurpose,
  type RiskAnswer,
} from '../../../../shared/citizen-meetings.ts';
import { DateInput, RadioGroup, Select, TextArea, TextInput, useZodForm } from '../../ui/form';
import {
  prepareMeeting,
  updatePreparation,
  type CitizenMeeting,
  type ContactOwner,
} from './citizenMeetingsApi';
import { Guidance } from '../guidance/Guidance';
import { StepForm, useStepSave } from './StepForm';
import type { Colleague } from './people';

const PreparationValues = PrepareCitizenMeetingBody.omit({ id: true });
type PreparationValues = z.output<typeof PreparationValues>;

function defaults(meeting: CitizenMeeting | null): z.input<typeof PreparationValues> {
  return {
    plannedOn: meeting?.plannedOn ?? null,
    purpose: meeting?.purpose ?? ('clarify_concern' as MeetingPurpose),
    expectedOutcome: meeting?.expectedOutcome ?? null,
    agenda: meeting?.agenda ?? null,
    place: meeting?.place ?? null,
    placeReason: meeting?.placeReason ?? null,
    roles: meeting?.roles ?? null,
    colleagueCheckBy: meeting?.colleagueCheckBy?.id ?? null,
    colleagueCheckOutcome: meeting?.colleagueCheckOutcome ?? null,
    communicationApproach: meeting?.communicationApproach ?? null,
    riskCheck: RISK_ITEMS.map((item) => {
      const found = meeting?.riskCheck.find((r) => r.item === item);
      return { item, answer: found?.answer ?? null, note: found?.note ?? null };
    }),
    riskConclusion: meeting?.riskConclusion ?? null,
    precautions: meeting?.precautions ?? null,
  };
}

/**
 * Step 2, "Forbered samtalen": purpose, expected outcome, agenda, place and why it suits the
 * citizen, roles, the colleague check (its outcome only for those with the compartment), the
 * communication approach and the risk check before the meeting — a checklist answered yes, no or
 * unknown with notes and the professional's own conclusion, never a score. A new meeting or a
 * change to one (optimistic locking: a stale save shows the one stale notice).
 */
export function PreparationForm({
  owner,
  meeting,
  colleagues,
  compartment,
  lastReflection,
  onDone,
  onCancel,
}: {
  owner: ContactOwner;
  meeting: CitizenMeeting | null;
  colleagues: Colleague[];
  compartment: boolean;
  /** The team's last reflection, feeding this preparation (shown above the fields). */
  lastReflection: CitizenMeeting['reflection'] | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(PreparationValues, { defaultValues: defaults(meeting) });
  const mutation = useStepSave(
    owner,
    (values: PreparationValues) => {
      const body = { ...values };
      // Without the compartment the check's outcome is left out: the stored text is kept.
      if (!compartment) delete body.colleagueCheckOutcome;
      return meeting
        ? updatePreparation(owner, meeting.id, { ...body, version: meeting.version })
        : prepareMeeting(owner, { ...body, id: clientId });
    },
    onDone,
  );

  return (
    <StepForm
      owner={owner}
      id={`citizen-meeting-prep-${meeting?.id ?? 'new'}`}
      form={form}
      mutation={mutation}
      onCancel={onCancel}
    >
      <Guidance keys={['meetingPreparation']} />
      {lastReflection && (
        <div className="alert alert-info">
          <div className="alert-body">
            <p className="alert-heading">{t('citizenMeetings.meetings.lastReflection')}</p>
            <p className="alert-text">
              {[
                lastReflection.worked,
                lastReflection.change,
                lastReflection.motivation,
                lastReflection.resistance,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </div>
        </div>
      )}
      <DateInput name="plannedOn" label={t('citizenMeetings.fields.plannedOn')} empty="null" />
      <RadioGroup<MeetingPurpose>
        name="purpose"
        label={t('citizenMeetings.fields.purpose')}
        options={MEETING_PURPOSES.map((p) => ({
          value: p,
          label: t(`citizenMeetings.purposes.${p}`),
        }))}
      />
      <TextArea
        name="expectedOutcome"
        label={t('citizenMeetings.fields.expectedOutcome')}
        empty="null"
        maxLength={2000}
        rows={2}
      />
      <TextArea
        name="agenda"
        label={t('citizenMeetings.fields.agenda')}
        empty="null"
        maxLength={2000}
        rows={3}
      />
      <TextInput
        name="place"
        label={t('citizenMeetings.fields.place')}
        empty="null"
        maxLength={200}
        widthClass="input-width-l"
      />
      <TextArea
        name="placeReason"
        label={t('citizenMeetings.fields.placeReason')}
        empty="null"
        maxLength={2000}
        rows={2}
      />
      <TextArea
        name="roles"
        label={t('citizenMeetings.fields.roles')}
        empty="null"
        maxLength={2000}
        rows={2}
      />
      <Select
        name="colleagueCheckBy"
        label={t('citizenMeetings.fields.colleagueCheckBy')}
        empty="null"
      >
        <option value="">{t('citizenMeetings.fields.notChosen')}</option>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      {compartment && (
        <TextArea
          name="colleagueCheckOutcome"
          label={t('citizenMeetings.fields.colleagueCheckOutcome')}
          empty="null"
          maxLength={2000}
          rows={3}
        />
      )}
      <TextArea
        name="communicationApproach"
        label={t('citizenMeetings.fields.communicationApproach')}
        empty="null"
        maxLength={2000}
        rows={2}
      />
      <fieldset className="citizen-risk-check">
        <legend className="h3">{t('citizenMeetings.fields.riskCheck')}</legend>
        <p className="form-hint">{t('citizenMeetings.fields.riskCheckHint')}</p>
        {RISK_ITEMS.map((item, i) => (
          <div key={item} className="citizen-risk-item">
            <RadioGroup<RiskAnswer>
              name={`riskCheck.${i}.answer`}
              label={t(`citizenMeetings.riskItems.${item}`)}
              className="form-group-inline"
              options={RISK_ANSWERS.map((a) => ({
                value: a,
                label: t(`citizenMeetings.riskAnswers.${a}`),
              }))}
            />
            <TextInput
              name={`riskCheck.${i}.note`}
              label={t('citizenMeetings.fields.riskNote')}
              empty="null"
              maxLength={500}
              widthClass="input-width-xl"
            />
          </div>
        ))}
        <TextArea
          name="riskConclusion"
          label={t('citizenMeetings.fields.riskConclusion')}
          empty="null"
          maxLength={2000}
          rows={2}
        />
        <TextArea
          name="precautions"
          label={t('citizenMeetings.fields.precautions')}
          empty="null"
          maxLength={2000}
          rows={2}
        />
      </fieldset>
    </StepForm>
  );
}
