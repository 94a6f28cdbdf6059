import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { UpdateInquiryBody } from '../../../../server/modules/inquiries/schema.ts';
import i18n from '../../app/i18n';
import { addBodyIssues, focusAfterSave, TextArea, saidIssue, useZodForm } from '../../ui/form';
import { ChangeForm, useInquiryChange } from './ChangeForm';
import { localDateTimeToIso, localParts, serverNow } from './format';
import { updateInquiry, type Channel, type Source } from './inquiriesApi';
import { backdateBody, type BackdateValues } from '../../ui/form';
import { ReceivedFields, SourceFields } from './IntakeFields';
import { isUrgent, renameSign, signsBody, signValues, type SignValues } from './inquiryForms';
import type { PanelProps } from './InquiryPage';
import { DangerField, SignsFields } from './SignsSection';

/** The facts and the concern as the edit form holds them (dates as the one date field does). */
type EditValues = BackdateValues & {
  source: Source;
  sourceOther: string;
  channel: Channel;
  receivedDate: string;
  receivedTime: string;
  groupDescription: string;
  observation: string;
  immediateDanger: boolean;
  signs: SignValues;
};

type Detail = PanelProps['detail'];

/** The change the values make; the concern only when the caller sees it (the compartment). */
function toBody(values: EditValues, detail: Detail): z.input<typeof UpdateInquiryBody> {
  const hasConcern = 'observation' in detail;
  return {
    version: detail.version,
    source: values.source,
    sourceOther: values.source === 'other' ? values.sourceOther.trim() || null : null,
    channel: values.channel,
    receivedAt: localDateTimeToIso(values.receivedDate, values.receivedTime) ?? '',
    groupDescription:
      detail.subjectKind === 'group' ? values.groupDescription.trim() || null : undefined,
    immediateDanger: values.immediateDanger,
    ...backdateBody(values),
    ...(hasConcern && {
      observation: values.observation.trim(),
      signs: signsBody(values.signs),
    }),
  };
}

/** The body's field names as the form's. */
const editRename = (signs: SignValues) => (path: string) =>
  path === 'receivedAt'
    ? 'receivedDate'
    : path.startsWith('signs')
      ? renameSign(path, signs)
      : path;

/** The form's check: the date and time it can read, then the server's `UpdateInquiryBody`. */
function editSchema(detail: Detail) {
  return z
    .custom<EditValues>(() => true)
    .superRefine((values, ctx) => {
      const iso = localDateTimeToIso(values.receivedDate, values.receivedTime);
      const problem = !/^\d{4}-\d{2}-\d{2}$/.test(values.receivedDate)
        ? (['receivedDate', 'dateInvalid'] as const)
        : !iso
          ? (['receivedTime', 'timeInvalid'] as const)
          : Date.parse(iso) > serverNow() + 60_000
            ? (['receivedDate', 'future'] as const)
            : null;
      if (problem) {
        ctx.addIssue(saidIssue(problem[0], i18n.t(`inquiries.intake.problems.${problem[1]}`)));
      }
      const rename = editRename(values.signs);
      const taken = new Set(problem ? ['receivedDate', 'receivedTime'] : []);
      addBodyIssues(ctx, UpdateInquiryBody, toBody(values, detail), rename, taken);
    });
}

/**
 * Edit the facts and the concern (with the version read: a stale save is refused with 409).
 * Saved, the panel closes and focus goes to the heading of the facts (`headingId`); cancelled,
 * `onCancel` closes it (and sends focus back to the button that opened it).
 */
export function EditPanel(
  panel: PanelProps & { onClose: () => void; onCancel: () => void; headingId: string },
) {
  const { detail, onClose, onCancel, headingId } = panel;
  const { t } = useTranslation();
  const schema = useMemo(() => editSchema(detail), [detail]);
  const received = localParts(detail.receivedAt);
  const form = useZodForm(schema, {
    defaultValues: {
      source: detail.source,
      sourceOther: detail.sourceOther ?? '',
      channel: detail.channel,
      receivedDate: received.date,
      receivedTime: received.time,
      backdateReason: detail.backdateReason ?? '',
      backdateNote: detail.backdateNote ?? '',
      groupDescription: detail.groupDescription ?? '',
      observation: detail.observation ?? '',
      immediateDanger: detail.immediateDanger,
      signs: signValues(detail.signs),
    },
  });
  const [signs, danger] = useWatch({ control: form.control, name: ['signs', 'immediateDanger'] });
  const mutation = useInquiryChange(updateInquiry, detail.id, () => {
    onClose();
    focusAfterSave(headingId);
  });
  const hasConcern = 'observation' in detail;

  return (
    <div className="inquiry-edit">
      <h3>{t('inquiries.edit.heading')}</h3>
      <ChangeForm
        kind="edit"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => toBody(values, detail)}
        rename={(values) => editRename(values.signs)}
        otherButtons={
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('inquiries.common.cancel')}
          </button>
        }
      >
        <SourceFields />
        <ReceivedFields registeredAt={detail.registeredAt} />
        {detail.subjectKind === 'group' && (
          <TextArea
            name="groupDescription"
            label={t('inquiries.intake.groupDescription')}
            rows={3}
            maxLength={500}
          />
        )}
        {hasConcern ? (
          <>
            <TextArea
              name="observation"
              label={t('inquiries.intake.observation')}
              rows={6}
              maxLength={10_000}
            />
            <fieldset className="inquiry-edit-signs">
              <legend className="h4">{t('inquiries.intake.sections.signs')}</legend>
              <SignsFields urgent={isUrgent(signs, danger) && !detail.urgent} />
            </fieldset>
          </>
        ) : (
          <DangerField />
        )}
      </ChangeForm>
    </div>
  );
}
