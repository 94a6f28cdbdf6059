import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  ACCESS_EXEMPTIONS,
  type AccessDecision,
  type AccessExemption,
} from '../../../../shared/access-requests.ts';
import { ReviewItemBody } from '../../../../server/modules/access-requests/schema.ts';
import { CheckboxGroup, Form, RadioGroup, Select, TextArea, useZodForm } from '../../ui/form';
import { reviewAccessItem, type AccessItem, type AccessRequest } from './accessRequestsApi';

/** The form holds the body without the version (the item's) and the lines as strings. */
const ReviewValues = ReviewItemBody.omit({ version: true, redactedLines: true }).extend({
  redactedLines: z.array(z.string()),
});
type ReviewValues = z.output<typeof ReviewValues>;
type Decision = Exclude<AccessDecision, 'pending'>;
const DECISIONS: Decision[] = ['release', 'redact', 'withhold'];

/**
 * One item's decision: release it, leave lines out (redact) or withhold it, the latter two with
 * an exemption and a reason. The server checks the rules; its messages land on the fields.
 */
export function ReviewItemForm({
  request,
  item,
  onSaved,
}: {
  request: AccessRequest;
  item: AccessItem;
  onSaved: (request: AccessRequest) => void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(ReviewValues, {
    defaultValues: {
      decision: (item.decision === 'pending' ? 'release' : item.decision) as Decision,
      exemption: item.exemption,
      reason: item.reason,
      redactedLines: item.redactedLines.map(String),
    },
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const mutation = useMutation({
    mutationFn: (values: ReviewValues) =>
      reviewAccessItem(request.id, item.id, {
        decision: values.decision,
        version: item.version,
        ...(values.decision === 'release'
          ? { exemption: null, reason: null, redactedLines: [] }
          : {
              exemption: values.exemption,
              reason: values.reason,
              redactedLines: values.decision === 'redact' ? values.redactedLines.map(Number) : [],
            }),
      }),
    onSuccess: onSaved,
  });
  return (
    <Form
      id={`review-${item.id}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('accessRequests.review.failedTitle')}
    >
      <RadioGroup<Decision>
        name="decision"
        label={t('accessRequests.review.decision')}
        options={DECISIONS.map((d) => ({ value: d, label: t(`accessRequests.decisions.${d}`) }))}
      />
      {decision === 'redact' && (
        <CheckboxGroup<string>
          name="redactedLines"
          label={t('accessRequests.review.lines')}
          options={item.lines.map((line, i) => ({
            value: String(i),
            label: `${t(`accessRequests.lines.${line.label}`, { defaultValue: line.label })}: ${line.value}`,
          }))}
        />
      )}
      {decision !== 'release' && (
        <>
          <Select name="exemption" label={t('accessRequests.review.exemption')} empty="null">
            <option value="">{t('accessRequests.review.chooseExemption')}</option>
            {ACCESS_EXEMPTIONS.map((e: AccessExemption) => (
              <option key={e} value={e}>
                {t(`accessRequests.exemptions.${e}`)}
              </option>
            ))}
          </Select>
          <TextArea name="reason" label={t('accessRequests.review.reason')} empty="null" />
        </>
      )}
      <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
        {t('accessRequests.review.save')}
      </button>
    </Form>
  );
}
