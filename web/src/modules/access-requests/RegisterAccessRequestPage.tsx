import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import {
  ACCESS_REQUEST_CHANNELS,
  ACCESS_REQUEST_KINDS,
  type AccessRequestChannel,
  type AccessRequestKind,
} from '../../../../shared/access-requests.ts';
import { RegisterAccessRequestBody } from '../../../../server/modules/access-requests/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { danishToday, DateInput, Form, RadioGroup, TextInput, useZodForm } from '../../ui/form';
import { ACCESS_REQUESTS_KEY, registerAccessRequest } from './accessRequestsApi';

/**
 * The form: the server's body without its id (one per form, so a double submit is one request)
 * and with the citizen by CPR number — sent in the body, never in an address. The deadline may
 * be left empty: the server computes it from the kind.
 */
const RegisterValues = RegisterAccessRequestBody.omit({
  id: true,
  personId: true,
  deadlineOn: true,
}).extend({
  cpr: z
    .string()
    .trim()
    .regex(/^[0-9]{6}-?[0-9]{4}$/),
  deadlineOn: RegisterAccessRequestBody.shape.deadlineOn,
});
type RegisterValues = z.output<typeof RegisterValues>;

/** "Registrér anmodning om aktindsigt": kind, citizen, how and when it came, and the deadline. */
export function RegisterAccessRequestPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessRequests.register.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(RegisterValues, {
    defaultValues: {
      kind: undefined as unknown as AccessRequestKind,
      cpr: '',
      channel: undefined as unknown as AccessRequestChannel,
      receivedOn: danishToday(),
      deadlineOn: undefined,
    },
    messages: { cpr: { invalid_format: 'accessRequests.register.cprInvalid' } },
  });
  const mutation = useMutation({
    mutationFn: (values: RegisterValues) => registerAccessRequest({ ...values, id: clientId }),
    onSuccess: async (request) => {
      await queryClient.invalidateQueries({ queryKey: [...ACCESS_REQUESTS_KEY] });
      await navigate(`/aktindsigt/${request.id}`);
    },
  });
  return (
    <>
      <PageHeading>{t('accessRequests.register.title')}</PageHeading>
      <p className="font-lead">{t('accessRequests.register.intro')}</p>
      <Form
        id="access-request"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('accessRequests.register.failedTitle')}
      >
        <RadioGroup<AccessRequestKind>
          name="kind"
          label={t('accessRequests.fields.kind')}
          options={ACCESS_REQUEST_KINDS.map((k) => ({
            value: k,
            label: t(`accessRequests.kinds.${k}`),
            hint: t(`accessRequests.kindHints.${k}`),
          }))}
        />
        <TextInput
          name="cpr"
          label={t('accessRequests.fields.cpr')}
          hint={t('accessRequests.register.cprHint')}
          widthClass="input-width-s"
          autoComplete="off"
          required
        />
        <RadioGroup<AccessRequestChannel>
          name="channel"
          label={t('accessRequests.fields.channel')}
          options={ACCESS_REQUEST_CHANNELS.map((c) => ({
            value: c,
            label: t(`accessRequests.channels.${c}`),
          }))}
        />
        <DateInput name="receivedOn" label={t('accessRequests.fields.receivedOn')} />
        <DateInput
          name="deadlineOn"
          label={t('accessRequests.fields.deadlineOn')}
          hint={t('accessRequests.register.deadlineHint')}
          empty="undefined"
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('accessRequests.register.submit')}
        </button>
      </Form>
    </>
  );
}
