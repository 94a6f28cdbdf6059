import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  CheckboxGroup,
  DateInput,
  Form,
  RadioGroup,
  SuccessMessage,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { Guidance } from '../guidance/Guidance';
import { DangerField, PoliceAlert } from '../inquiries/SignsSection';
import { useAreaContext } from '../housing-areas/areaContext';
import {
  IDENTIFICATION_RELATIONS,
  IDENTIFICATION_SIGNS,
  IdentificationBody,
  sendIdentification,
  type IdentificationReceipt,
  type IdentificationTool,
} from './areaWorkApi';

/** The form holds the body without its client id (made when it is sent). */
const FormValues = IdentificationBody.omit({ id: true });

/**
 * The identification forms of the housing-area model (tools 4a and 4b): choose the tool, fill in
 * the form with the seed's cautions beside it, and send it. It becomes a concern inquiry in the
 * municipality's inbox; the sender gets the receipt with the inquiry's reference and nothing
 * more. Shown only with the area's `identify` ability.
 */
export function IdentificationTab() {
  const { t } = useTranslation();
  const { area } = useAreaContext();
  const headingId = useId();
  const [tool, setTool] = useState<IdentificationTool | null>(null);
  const [receipt, setReceipt] = useState<IdentificationReceipt | null>(null);

  if (!area.abilities.identify) {
    return <p>{t('areaWork.identification.notAllowed')}</p>;
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('areaWork.identification.heading')}</h2>
      <p>{t('areaWork.identification.intro')}</p>
      {receipt && (
        <SuccessMessage>
          {t('areaWork.identification.receipt', { reference: receipt.reference })}
        </SuccessMessage>
      )}
      <div className="button-row">
        {(['4a', '4b'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            className={choice === tool ? 'button button-primary' : 'button button-secondary'}
            aria-pressed={choice === tool}
            onClick={() => {
              setTool(choice);
              setReceipt(null);
            }}
          >
            {t(`areaWork.identification.tool.${choice}`)}
          </button>
        ))}
      </div>
      {tool && (
        <IdentificationForm
          key={`${tool}-${receipt?.inquiryId ?? ''}`}
          areaId={area.id}
          tool={tool}
          onSent={(r) => {
            setReceipt(r);
            setTool(null);
          }}
        />
      )}
    </section>
  );
}

function IdentificationForm({
  areaId,
  tool,
  onSent,
}: {
  areaId: string;
  tool: IdentificationTool;
  onSent: (receipt: IdentificationReceipt) => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(FormValues, {
    defaultValues: {
      tool,
      person: { givenName: '', familyName: '', birthDate: null, age: null },
      relation: null,
      signs: [],
      observation: null,
      resources: null,
      contact: null,
      immediateDanger: false,
      childReport: false,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof FormValues._output) =>
      sendIdentification(areaId, {
        ...values,
        // A box ticked before the person turned out to be an adult is not sent.
        childReport: values.childReport && isMinor(values.person.birthDate, values.person.age),
        id: crypto.randomUUID(),
      }),
    onSuccess: onSent,
  });
  const signs = IDENTIFICATION_SIGNS[tool];
  return (
    <Form
      id="identification"
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('areaWork.identification.sendError')}
    >
      <h3>{t(`areaWork.identification.tool.${tool}`)}</h3>
      <p className="form-hint">{t('areaWork.identification.source', { tool })}</p>
      <Guidance keys={['identificationCaution']} />
      <fieldset>
        <legend className="h4">{t('areaWork.identification.person')}</legend>
        <TextInput
          name="person.givenName"
          label={t('areaWork.identification.givenName')}
          required
        />
        <TextInput
          name="person.familyName"
          label={t('areaWork.identification.familyName')}
          required
        />
        <DateInput
          name="person.birthDate"
          label={t('areaWork.identification.birthDate')}
          empty="null"
        />
        <TextInput
          name="person.age"
          label={t('areaWork.identification.age')}
          hint={t('areaWork.identification.ageHint')}
          asNumber
          empty="null"
          widthClass="input-char-4"
        />
      </fieldset>
      {tool === '4a' && (
        <RadioGroup
          name="relation"
          label={t('areaWork.identification.relation')}
          options={IDENTIFICATION_RELATIONS.map((r) => ({
            value: r,
            label: t(`areaWork.relation.${r}`),
          }))}
        />
      )}
      <CheckboxGroup
        name="signs"
        label={t('areaWork.identification.signs')}
        hint={t('areaWork.identification.signsHint')}
        options={signs.map((s) => ({ value: s, label: t(`areaWork.sign.${s}`) }))}
      />
      <TextArea
        name="observation"
        label={t('areaWork.identification.observation')}
        hint={t('areaWork.identification.observationHint')}
        empty="null"
        maxLength={10_000}
      />
      <TextArea
        name="resources"
        label={t('areaWork.identification.resources')}
        empty="null"
        maxLength={2000}
      />
      <TextInput
        name="contact"
        label={t('areaWork.identification.contact')}
        empty="null"
        maxLength={500}
      />
      <UrgencyFields />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('areaWork.identification.send')}
      </button>
    </Form>
  );
}

/** Under 18 by the birth date (on today's date) or by the estimated age. */
function isMinor(birthDate: string | null, age: number | null): boolean {
  if (birthDate) {
    const today = new Date().toISOString().slice(0, 10);
    const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
    const eighteenth = `${String(y + 18).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return eighteenth > today;
  }
  return age !== null && age < 18;
}

/**
 * Immediate danger (the intake's box and its "call 112" alert) and, for a person under 18, the
 * intake's question whether this is a report under Barnets lov: the sender is a professional. The
 * server refuses the report on its field without a birth date showing a child.
 */
function UrgencyFields() {
  const { t } = useTranslation();
  const [danger, birthDate, age] = useWatch<
    typeof FormValues._input,
    ['immediateDanger', 'person.birthDate', 'person.age']
  >({ name: ['immediateDanger', 'person.birthDate', 'person.age'] });
  return (
    <>
      <DangerField />
      {danger === true && <PoliceAlert />}
      {isMinor(birthDate ?? null, age ?? null) && (
        <Checkbox
          name="childReport"
          label={t('inquiries.intake.childReport')}
          hint={t('inquiries.intake.childReportHint')}
        />
      )}
    </>
  );
}
