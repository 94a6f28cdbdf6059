import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReopenBody } from '../../../../server/modules/inquiries/schema-decision.ts';
import { TriageBody, UpdateInquiryBody } from '../../../../server/modules/inquiries/schema.ts';
import { useSession } from '../../app/session';
import { focusAfterSave, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { ChangeForm, useInquiryChange } from './ChangeForm';
import {
  reopenInquiry,
  SERIOUSNESS,
  triageInquiry,
  updateInquiry,
  useForums,
  useSettings,
  type Seriousness,
} from './inquiriesApi';
import type { PanelProps } from './InquiryPage';
import { Section } from './Section';

const TriageValues = TriageBody.omit({ version: true });

/** Triage: the seriousness, and the deadline rule it brings (the municipality's 24/48/72 h). */
export function TriagePanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const settingsAllowed = useSession().data?.abilities?.settings.read === true;
  const settings = useSettings(settingsAllowed);
  const form = useZodForm(TriageValues, {
    defaultValues: { seriousness: (detail.seriousness ?? '') as Seriousness },
  });
  const seriousness = useWatch({ control: form.control, name: 'seriousness' }) as Seriousness | '';
  const headingId = useId();
  const mutation = useInquiryChange(triageInquiry, detail.id, () => focusAfterSave(headingId));
  const hours = seriousness && settings.data ? settings.data.deadlineHours[seriousness] : null;

  return (
    <Section className="inquiry-panel" title={t('inquiries.triage.heading')} headingId={headingId}>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.triage.done')}</SuccessMessage>}
      <ChangeForm
        kind="triage"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => ({ ...values, version: detail.version })}
        disabled={!seriousness}
        forgetStale
      >
        <OptionSelect
          name="seriousness"
          label={t('inquiries.triage.seriousness')}
          none={t('inquiries.common.choose')}
          options={SERIOUSNESS.map((s) => ({
            value: s,
            label: settings.data
              ? t('inquiries.triage.option', {
                  label: t(`inquiries.seriousness.${s}`),
                  hours: settings.data.deadlineHours[s],
                })
              : t(`inquiries.seriousness.${s}`),
          }))}
        />
        <p className="form-hint" aria-live="polite">
          {hours !== null ? t('inquiries.triage.rule', { hours }) : ''}
        </p>
      </ChangeForm>
    </Section>
  );
}

const ForumValues = z.object({ forumId: UpdateInquiryBody.shape.forumId.unwrap() });

/** The forum that assesses the inquiry (its members then see it until it is decided). */
export function ForumPanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const forums = useForums(true);
  const form = useZodForm(ForumValues, { defaultValues: { forumId: detail.forum?.id ?? null } });
  const forumId = useWatch({ control: form.control, name: 'forumId' });
  const headingId = useId();
  const mutation = useInquiryChange(updateInquiry, detail.id, () => focusAfterSave(headingId));

  return (
    <Section className="inquiry-panel" title={t('inquiries.forum.heading')} headingId={headingId}>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.forum.done')}</SuccessMessage>}
      <ChangeForm
        kind="forum"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => ({ ...values, version: detail.version })}
        disabled={(forumId ?? null) === (detail.forum?.id ?? null)}
        forgetStale
      >
        {forums.isError && <p className="form-error-message">{t('inquiries.forum.loadError')}</p>}
        <OptionSelect
          name="forumId"
          empty="null"
          label={t('inquiries.forum.label')}
          hint={t('inquiries.forum.hint')}
          none={t('inquiries.forum.none')}
          options={(forums.data?.items ?? []).map((forum) => ({
            value: forum.id,
            label: t('inquiries.forum.option', { name: forum.name, count: forum.memberCount }),
          }))}
        />
      </ChangeForm>
    </Section>
  );
}

const ReopenValues = ReopenBody.omit({ version: true });

/** Reopen a decided inquiry, with a reason (recorded in the history). */
export function ReopenPanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const form = useZodForm(ReopenValues, { defaultValues: { reason: '' } });
  // Reopened, the panel goes away: focus goes to the page's heading, with the new status under it.
  const mutation = useInquiryChange(reopenInquiry, detail.id, () =>
    focusAfterSave(document.querySelector<HTMLElement>('#main-content h1')),
  );
  return (
    <Section className="inquiry-panel" title={t('inquiries.reopen.heading')}>
      <p>{t('inquiries.reopen.intro')}</p>
      <ChangeForm
        kind="reopen"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => ({ ...values, version: detail.version })}
        secondary
      >
        <TextArea name="reason" label={t('inquiries.reopen.reason')} rows={3} maxLength={2000} />
      </ChangeForm>
    </Section>
  );
}
