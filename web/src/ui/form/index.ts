/**
 * The one form layer of the web app: react-hook-form with the Zod resolver, fields in dkfds
 * markup, the dkfds error summary, one date field (`dd.mm.åååå`), one stale-edit notice.
 *
 * - The browser checks the values with the SAME Zod schema the server uses (import the request
 *   body schema from server/modules/<module>/schema.ts, or build it from shared/values.ts); the
 *   server still decides. Messages are the app's own (form.validation.* in
 *   web/src/app/i18n/locales), never Zod's English, and follow the language switch.
 * - Fields are bound by `name` (a path of the form's values: `email`, `goals.0.text`). Give every
 *   field a default value. Ids default to `<form id>-<name>`; pass `id` to keep a given one.
 * - `<Form>` checks, then calls `onSubmit` with the schema's output. Return the save's promise
 *   (`mutation.mutateAsync`): field problems from the server (`body.goals.0.text`) go onto the
 *   fields, and the error summary takes focus. Other failures are shown from `error` as an alert.
 * - A stale edit (409, `isStale` in app/api.ts) is shown with the one `StaleNotice` (ui/StaleNotice).
 * - After a successful save, `focusAfterSave(target)` moves focus to the heading or saved item.
 * - Dates: `<DateInput>` shows and accepts `dd.mm.åååå`; the form holds ISO `yyyy-mm-dd`. Never
 *   use `<input type="date">`.
 * - dkfds `Tabs` / `TabNav` (ui/Tabs.tsx) and `Modal` (ui/Modal.tsx): dkfds markup, with the
 *   behaviour (keys, focus, inert page, backdrop) done by the dkfds script, not by React.
 *
 * A complete small form (admin/UnitsPage.tsx, creating a unit):
 *
 * ```tsx
 * import { useMutation } from '@tanstack/react-query';
 * import { CreateUnitBody } from '../../../../server/modules/admin/schema.ts';
 * import { Form, Select, TextInput, useZodForm } from '../../ui/form';
 *
 * // The form holds the name and kind; the municipality is the administrator's own.
 * const NewUnit = CreateUnitBody.omit({ municipalityCode: true });
 *
 * function CreateUnitForm({ onCreated }: { onCreated: (unit: AdminUnit) => void }) {
 *   const { t } = useTranslation();
 *   const form = useZodForm(NewUnit, { defaultValues: { name: '', kind: '' as UnitKind } });
 *   const mutation = useMutation({
 *     mutationFn: createUnit,
 *     onSuccess: (unit) => {
 *       form.reset();
 *       onCreated(unit);
 *     },
 *   });
 *   return (
 *     <Form
 *       id="unit"
 *       form={form}
 *       onSubmit={(body) => mutation.mutateAsync(body)}
 *       error={mutation.error}
 *       errorTitle={t('admin.units.createFailedTitle')}
 *     >
 *       <TextInput name="name" label={t('admin.units.name')} widthClass="input-width-l" required />
 *       <Select name="kind" label={t('admin.units.kind')}>
 *         <option value="">{t('admin.units.chooseKind')}</option>
 *         {UNIT_KINDS.map((k) => <option key={k} value={k}>{t(`unitKinds.${k}`)}</option>)}
 *       </Select>
 *       <button type="submit" className="button button-primary" disabled={mutation.isPending}>
 *         {t('admin.units.submit')}
 *       </button>
 *     </Form>
 *   );
 * }
 * ```
 *
 * A date (admin/AuditPage.tsx): `<DateInput name="from" label={t('admin.audit.from')}
 * empty="undefined" />`; a number: `<TextInput name="reminderHours" asNumber … />`; an optional
 * text the server wants left out or null when empty: `empty="undefined"` / `empty="null"`.
 *
 * An edit with optimistic locking shows `<MutationFailure mutations={mutation} onReload={…} />`
 * above the form: the `StaleNotice` when the save was stale. A form whose values differ from the request body (a checkbox that adds a
 * field, text for a number) converts in `onSubmit`, or validates with `Body.extend({ … })`, or
 * checks the body it makes with `bodyForm(toBody, Body)` (./bodySchema.ts); a form that names
 * the body's fields differently puts the server's problems on its own fields with
 * `renameServerErrors`. A date field's default of today is `danishToday()`.
 */
export { useZodForm, type FormSchema, type ZodForm, type ZodFormOptions } from './useZodForm';
export { zodFormResolver, type FieldMessages } from './resolver';
export { Form, isFormAlert } from './Form';
export { applyServerErrors, appliedTo, formFieldName, relabelErrors } from './serverErrors';
export { addBodyIssues, bodyForm, renameServerErrors, type Rename } from './bodySchema';
export { TextInput, TextArea, Select, type FieldProps, type Empty } from './inputs';
export { Checkbox, CheckboxGroup, RadioGroup, type Option } from './choices';
export { DateInput } from './DateInput';
export { BackdateFields } from './BackdateFields';
export {
  BackdateFieldsShape,
  backdateBody,
  backdateDefaults,
  dayOf,
  isBackdated,
  type BackdateValues,
} from './backdateValues';
export { ErrorSummary, formProblems, type FormProblem } from './ErrorSummary';
export { FormGroup, ErrorMessage, Hint, describedBy } from './FormGroup';
export {
  FormContext,
  fieldId,
  useFieldId,
  type FormContextValue,
  type FormFieldInfo,
} from './FormContext';
export { focusAfterSave, type FocusTarget } from './focus';
export { danishToday, formatDate, isImpossibleDate, parseDate } from './dates';
export { dateProblem, issueMessage, issueProblem, problemMessage, saidIssue } from './messages';
export { StaleNotice } from '../StaleNotice';
export { MutationFailure } from '../MutationFailure';
export { SuccessMessage } from '../SuccessMessage';
export { Tabs, TabNav, type Tab } from '../Tabs';
export { Modal } from '../Modal';
export { FileInput, base64Of, checkChosenFile } from './FileInput';
