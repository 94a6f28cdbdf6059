import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  BackdateFields,
  Checkbox,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  DateInput,
} from '../../ui/form';
import { isBackdatedReceipt } from '../../../../server/modules/inquiries/rules.ts';
import { isProfessionalSource } from '../../../../shared/values.ts';
import { localDateTimeToIso, serverNow } from './format';
import { CHANNELS, SOURCES, SUBJECT_KINDS, type SubjectKind } from './inquiriesApi';
import { emptyPerson, type IntakeValues } from './intakeForm';
import { isUrgent } from './inquiryForms';
import { PersonFields } from './PersonFields';
import { Section } from './Section';
import { SignsFields } from './SignsSection';

/** The intake form's fields, section by section, bound to the form of `<Form>` (IntakePage). */

export function SourceSection() {
  const { t } = useTranslation();
  return (
    <Section className="inquiry-form-section" title={t('inquiries.intake.sections.source')}>
      <SourceFields intake />
      <ChildReportField />
    </Section>
  );
}

/**
 * Where the inquiry came from and how (`source`, `channel`), and the source in words when it is
 * "other". The intake starts with nothing chosen and asks the browser not to fill in the words.
 */
export function SourceFields({ intake = false }: { intake?: boolean }) {
  const { t } = useTranslation();
  const source = useWatch<IntakeValues, 'source'>({ name: 'source' });
  const choose = intake && <option value="">{t('inquiries.common.choose')}</option>;
  return (
    <>
      <div className="inquiry-field-row">
        <Select name="source" label={t('inquiries.intake.source')}>
          {choose}
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`inquiries.sources.${s}`)}
            </option>
          ))}
        </Select>
        <Select name="channel" label={t('inquiries.intake.channel')}>
          {choose}
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`inquiries.channels.${c}`)}
            </option>
          ))}
        </Select>
      </div>
      {source === 'other' && (
        <TextInput
          name="sourceOther"
          label={t('inquiries.intake.sourceOther')}
          widthClass="input-width-l"
          autoComplete={intake ? 'off' : undefined}
        />
      )}
    </>
  );
}

/**
 * "Underretning efter Barnets lov" marked in the intake itself, offered when the source is a
 * professional. The server refuses it on this field for an adult (or a missing birth date).
 */
function ChildReportField() {
  const { t } = useTranslation();
  const source = useWatch<IntakeValues, 'source'>({ name: 'source' });
  if (!isProfessionalSource(source)) return null;
  return (
    <Checkbox
      name="childReport"
      label={t('inquiries.intake.childReport')}
      hint={t('inquiries.intake.childReportHint')}
    />
  );
}

export function ReporterSection() {
  const { t } = useTranslation();
  const anonymous = useWatch<IntakeValues, 'anonymous'>({ name: 'anonymous' });
  return (
    <Section className="inquiry-form-section" title={t('inquiries.intake.sections.reporter')}>
      <Checkbox name="anonymous" label={t('inquiries.intake.anonymous')} />
      {!anonymous && (
        <div className="inquiry-field-row">
          <TextInput
            name="reporterName"
            label={t('inquiries.intake.reporterName')}
            widthClass="input-width-l"
            autoComplete="off"
          />
          <TextInput
            name="reporterContact"
            label={t('inquiries.intake.reporterContact')}
            hint={t('inquiries.intake.reporterContactHint')}
            widthClass="input-width-l"
            autoComplete="off"
          />
        </div>
      )}
    </Section>
  );
}

/**
 * The receipt's date and time of day (the date through the one date field), and why it is
 * recorded only now when it was received more than a day before the registration (`registeredAt`,
 * now for a new inquiry).
 */
export function ReceivedFields({ registeredAt }: { registeredAt?: string }) {
  const { t } = useTranslation();
  const [date, time] = useWatch<{ receivedDate: string; receivedTime: string }>({
    name: ['receivedDate', 'receivedTime'],
  });
  const received = localDateTimeToIso(date ?? '', time ?? '');
  const registered = registeredAt ? Date.parse(registeredAt) : serverNow();
  const backdated =
    received !== null && isBackdatedReceipt(new Date(received), new Date(registered));
  return (
    <>
      <div className="inquiry-field-row">
        <DateInput name="receivedDate" label={t('inquiries.intake.receivedDate')} />
        <TextInput
          name="receivedTime"
          label={t('inquiries.intake.receivedTime')}
          hint={t('inquiries.common.timeHint')}
          widthClass="input-char-8"
          autoComplete="off"
          inputMode="numeric"
        />
      </div>
      <BackdateFields show={backdated} />
    </>
  );
}

export function ReceivedSection() {
  const { t } = useTranslation();
  return (
    <Section className="inquiry-form-section" title={t('inquiries.intake.sections.received')}>
      <ReceivedFields />
    </Section>
  );
}

/** Who it is about: one person, several, a group or a family, and each person. */
export function SubjectSection() {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<IntakeValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'persons' });
  const subjectKind = useWatch<IntakeValues, 'subjectKind'>({ name: 'subjectKind' });
  return (
    <Section className="inquiry-form-section" title={t('inquiries.intake.sections.subject')}>
      <RadioGroup<SubjectKind>
        name="subjectKind"
        label={t('inquiries.intake.subjectKind')}
        className="inquiry-inline-options"
        options={SUBJECT_KINDS.map((kind) => ({
          value: kind,
          label: t(`inquiries.subjectKinds.${kind}`),
        }))}
      />
      {subjectKind === 'group' && (
        <TextArea
          name="groupDescription"
          label={t('inquiries.intake.groupDescription')}
          hint={t('inquiries.intake.groupDescriptionHint')}
          rows={3}
          maxLength={500}
        />
      )}
      {fields.map((field, index) => (
        <PersonFields
          key={field.id}
          index={index}
          onRemove={index > 0 ? () => remove(index) : null}
        />
      ))}
      {subjectKind !== 'person' && getValues('persons').length < 20 && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => append(emptyPerson(), { shouldFocus: false })}
        >
          {t('inquiries.intake.person.add')}
        </button>
      )}
    </Section>
  );
}

export function ObservationSection() {
  const { t } = useTranslation();
  return (
    <Section className="inquiry-form-section" title={t('inquiries.intake.sections.observation')}>
      <TextArea
        name="observation"
        label={t('inquiries.intake.observation')}
        hint={t('inquiries.intake.observationHint')}
        rows={7}
        maxLength={10_000}
      />
    </Section>
  );
}

export function SignsSection() {
  const { t } = useTranslation();
  const [signs, danger] = useWatch<IntakeValues, ['signs', 'immediateDanger']>({
    name: ['signs', 'immediateDanger'],
  });
  return (
    <Section className="inquiry-form-section" title={t('inquiries.intake.sections.signs')}>
      <SignsFields urgent={isUrgent(signs, danger)} />
    </Section>
  );
}
