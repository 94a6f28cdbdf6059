import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecordMeetingHeldBody } from '../../../../server/modules/citizen-meetings/schema.ts';
import {
  CITIZEN_RIGHTS,
  STAGES_OF_CHANGE,
  type CitizenRight,
  type StageOfChange,
} from '../../../../shared/citizen-meetings.ts';
import {
  CheckboxGroup,
  danishToday,
  DateInput,
  RadioGroup,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { recordHeld, type CitizenMeeting, type ContactOwner } from './citizenMeetingsApi';
import { Guidance } from '../guidance/Guidance';
import { StepForm, useStepSave } from './StepForm';

const HeldValues = RecordMeetingHeldBody.omit({ version: true });
type HeldValues = z.output<typeof HeldValues>;

/**
 * Steps 3 and 4, "Mødet og afrunding": the day it was held, the citizen's own perspective and the
 * stage of change (both compartment: only for those with it), the summary with mutual agreements,
 * the rights told, the lifeline (who, how — phone, e-mail or address — and when) and the next
 * meeting. The server refuses a day in the future, unanswered risk items and a lifeline without a
 * way to reach the person, with Danish messages on the fields.
 */
export function HeldForm({
  owner,
  meeting,
  compartment,
  onDone,
  onCancel,
}: {
  owner: ContactOwner;
  meeting: CitizenMeeting;
  compartment: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(HeldValues, {
    defaultValues: {
      heldOn: meeting.heldOn ?? meeting.plannedOn ?? danishToday(),
      citizenPerspective: meeting.citizenPerspective ?? null,
      stageOfChange: meeting.stageOfChange ?? null,
      summary: meeting.summary,
      agreements: meeting.agreements,
      rightsTold: meeting.rightsTold,
      lifeline: {
        who: meeting.lifeline?.who ?? null,
        phone: meeting.lifeline?.phone ?? null,
        email: meeting.lifeline?.email ?? null,
        address: meeting.lifeline?.address ?? null,
        when: meeting.lifeline?.when ?? null,
      },
      nextMeetingOn: meeting.nextMeetingOn,
    },
  });
  const mutation = useStepSave(
    owner,
    (values: HeldValues) => {
      const body = { ...values, version: meeting.version };
      if (!compartment) {
        delete body.citizenPerspective;
        delete body.stageOfChange;
      }
      return recordHeld(owner, meeting.id, body);
    },
    onDone,
  );

  return (
    <StepForm
      owner={owner}
      id={`citizen-meeting-held-${meeting.id}`}
      form={form}
      mutation={mutation}
      onCancel={onCancel}
    >
      <Guidance keys={['meetingHeld']} />
      <DateInput name="heldOn" label={t('citizenMeetings.fields.heldOn')} />
      {compartment && (
        <>
          <TextArea
            name="citizenPerspective"
            label={t('citizenMeetings.fields.citizenPerspective')}
            empty="null"
            maxLength={4000}
            rows={3}
          />
          <RadioGroup<StageOfChange>
            name="stageOfChange"
            label={t('citizenMeetings.fields.stageOfChange')}
            options={STAGES_OF_CHANGE.map((s) => ({
              value: s,
              label: t(`citizenMeetings.stages.${s}`),
            }))}
          />
        </>
      )}
      <Guidance keys={['meetingRoundingOff']} />
      <TextArea
        name="summary"
        label={t('citizenMeetings.fields.summary')}
        empty="null"
        maxLength={4000}
        rows={4}
      />
      <TextArea
        name="agreements"
        label={t('citizenMeetings.fields.agreements')}
        empty="null"
        maxLength={4000}
        rows={3}
      />
      <CheckboxGroup<CitizenRight>
        name="rightsTold"
        label={t('citizenMeetings.fields.rightsTold')}
        options={CITIZEN_RIGHTS.map((r) => ({
          value: r,
          label: t(`citizenMeetings.rights.${r}`),
        }))}
      />
      <fieldset>
        <legend className="h4">{t('citizenMeetings.meetings.lifeline')}</legend>
        <p className="form-hint">{t('citizenMeetings.fields.lifelineHint')}</p>
        <TextInput
          name="lifeline.who"
          label={t('citizenMeetings.fields.lifelineWho')}
          empty="null"
          maxLength={200}
          widthClass="input-width-l"
        />
        <TextInput
          name="lifeline.phone"
          label={t('citizenMeetings.fields.lifelinePhone')}
          empty="null"
          maxLength={40}
          widthClass="input-width-m"
        />
        <TextInput
          name="lifeline.email"
          label={t('citizenMeetings.fields.lifelineEmail')}
          empty="null"
          maxLength={200}
          widthClass="input-width-l"
        />
        <TextInput
          name="lifeline.address"
          label={t('citizenMeetings.fields.lifelineAddress')}
          empty="null"
          maxLength={300}
          widthClass="input-width-xl"
        />
        <TextInput
          name="lifeline.when"
          label={t('citizenMeetings.fields.lifelineWhen')}
          empty="null"
          maxLength={300}
          widthClass="input-width-l"
        />
      </fieldset>
      <DateInput
        name="nextMeetingOn"
        label={t('citizenMeetings.fields.nextMeetingOn')}
        empty="null"
      />
    </StepForm>
  );
}
