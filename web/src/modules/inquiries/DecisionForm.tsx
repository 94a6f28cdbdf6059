import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AUTHORITY_AREAS, ENVIRONMENTS, EXTREMISM_FORMS } from '../../../../shared/values.ts';
import { useSession } from '../../app/session';
import {
  BackdateFields,
  DateInput,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { ChangeForm, useInquiryChange } from './ChangeForm';
import {
  decidedEarlier,
  decisionRename,
  DecisionSchema,
  emptyDecision,
  toBody,
  type DecisionValues,
} from './decisionValues';
import { decideInquiry, OUTCOMES, SUBJECT_KINDS, useUnits, type Outcome } from './inquiriesApi';
import type { PanelProps } from './InquiryPage';

/** What an outcome asks for besides the reason: the unit referred to, or the police handover. */
function OutcomeDetail({ outcome, fourEyes }: { outcome: Outcome; fourEyes: boolean }) {
  const { t } = useTranslation();
  const municipality = useSession().data?.user?.municipality?.code;
  const units = useUnits(municipality, outcome === 'other_concern');
  if (outcome === 'other_concern') {
    return (
      <>
        <OptionSelect
          name="referredUnitId"
          empty="null"
          label={t('inquiries.decision.referredUnit')}
          none={t('inquiries.common.choose')}
          options={(units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <TextArea
          name="passedOn"
          label={t('inquiries.decision.passedOn')}
          hint={t('inquiries.decision.passedOnHint')}
          rows={3}
          maxLength={2000}
        />
      </>
    );
  }
  if (outcome === 'radicalisation') {
    return (
      <p className="form-hint">
        {fourEyes
          ? t('inquiries.decision.caseAfterApproval')
          : t('inquiries.decision.caseWillOpen')}
      </p>
    );
  }
  if (outcome === 'police') {
    return (
      <>
        <div className="inquiry-field-row">
          <DateInput name="policeDate" label={t('inquiries.decision.policeHandedDate')} />
          <TextInput
            name="policeTime"
            label={t('inquiries.decision.policeHandedTime')}
            hint={t('inquiries.common.timeHint')}
            widthClass="input-char-8"
          />
        </div>
        <TextInput
          name="policeRecipient"
          label={t('inquiries.decision.policeRecipient')}
          widthClass="input-width-l"
        />
        <TextArea
          name="municipalityKeeps"
          label={t('inquiries.decision.municipalityKeeps')}
          hint={t('inquiries.decision.municipalityKeepsHint')}
          rows={3}
          maxLength={2000}
        />
      </>
    );
  }
  return null;
}

/** The classification the decision gives (and a case it opens carries). */
function ClassificationFields() {
  const { t } = useTranslation();
  const form = useWatch<DecisionValues, 'classification.extremismForm'>({
    name: 'classification.extremismForm',
  });
  const notAssessed = t('inquiries.common.notAssessed');
  return (
    <fieldset className="inquiry-classification">
      <legend className="h4">{t('inquiries.classification.heading')}</legend>
      <p className="form-hint">{t('inquiries.classification.ageGroupHint')}</p>
      <div className="inquiry-field-row">
        <OptionSelect
          name="classification.extremismForm"
          label={t('inquiries.classification.extremismForm')}
          hint={t('inquiries.classification.extremismFormHint')}
          none={notAssessed}
          options={EXTREMISM_FORMS.map((value) => ({
            value,
            label: t(`inquiries.extremismForms.${value}`),
          }))}
        />
        {form === 'other' && (
          <TextInput
            name="classification.extremismFormOther"
            label={t('inquiries.classification.extremismFormOther')}
            widthClass="input-width-l"
          />
        )}
      </div>
      <div className="inquiry-field-row">
        <OptionSelect
          name="classification.authorityArea"
          label={t('inquiries.classification.authorityArea')}
          hint={t('inquiries.classification.authorityAreaHint')}
          none={notAssessed}
          options={AUTHORITY_AREAS.map((value) => ({
            value,
            label: t(`inquiries.authorityAreas.${value}`),
          }))}
        />
        <OptionSelect
          name="classification.primary"
          label={t('inquiries.classification.primaryConcern')}
          hint={t('inquiries.classification.primaryConcernHint')}
          none={notAssessed}
          options={[
            { value: 'yes', label: t('inquiries.classification.primaryYes') },
            { value: 'no', label: t('inquiries.classification.primaryNo') },
          ]}
        />
      </div>
      <div className="inquiry-field-row">
        <Select name="classification.subjectKind" label={t('inquiries.classification.subjectKind')}>
          {SUBJECT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`inquiries.subjectKinds.${kind}`)}
            </option>
          ))}
        </Select>
        <OptionSelect
          name="classification.environment"
          label={t('inquiries.classification.environment')}
          none={notAssessed}
          options={ENVIRONMENTS.map((value) => ({
            value,
            label: t(`inquiries.environments.${value}`),
          }))}
        />
      </div>
    </fieldset>
  );
}

/** The day the decision was taken, and why it is recorded later when that is before today. */
function DecisionDateFields() {
  const { t } = useTranslation();
  const decidedOn = useWatch<DecisionValues, 'decidedOn'>({ name: 'decidedOn' });
  return (
    <>
      <DateInput
        name="decidedOn"
        label={t('inquiries.decision.decidedOn')}
        hint={t('inquiries.decision.decidedOnHint')}
      />
      <BackdateFields show={decidedEarlier({ decidedOn })} />
    </>
  );
}

/** The decision of the initial assessment (the one form layer, checked with `DecisionBody`). */
export function DecisionForm(panel: PanelProps & { onDecided: () => void }) {
  const { detail, onDecided } = panel;
  const { t } = useTranslation();
  const form = useZodForm(DecisionSchema, { defaultValues: emptyDecision(detail.subjectKind) });
  const mutation = useInquiryChange(decideInquiry, detail.id, onDecided);

  return (
    <div className="inquiry-panel">
      <h3>{t('inquiries.decision.formHeading')}</h3>
      {detail.fourEyes && <p>{t('inquiries.decision.fourEyesNote')}</p>}
      <ChangeForm
        kind="decision"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => toBody(values, detail.version)}
        rename={() => decisionRename}
      >
        <RadioGroup<Outcome>
          name="outcome"
          label={t('inquiries.decision.outcome')}
          options={OUTCOMES.map((o) => ({
            value: o,
            label: t(`inquiries.outcomes.${o}`),
            hint: t(`inquiries.outcomeHints.${o}`),
          }))}
          detail={(outcome) => <OutcomeDetail outcome={outcome} fourEyes={detail.fourEyes} />}
        />
        <TextArea
          name="reason"
          label={t('inquiries.decision.reason')}
          hint={t('inquiries.decision.reasonHint')}
          rows={4}
          maxLength={4000}
        />
        <ClassificationFields />
        <DecisionDateFields />
      </ChangeForm>
    </div>
  );
}
