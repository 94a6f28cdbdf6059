import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReopenBody } from '../../../../server/modules/inquiries/schema-decision.ts';
import { TriageBody, UpdateInquiryBody } from '../../../../server/modules/inquiries/schema.ts';
import { isStale } from '../../app/api';
import { useSession } from '../../app/session';
import {
  focusAfterSave,
  Form,
  Select,
  StaleNotice,
  SuccessMessage,
  TextArea,
  useZodForm,
} from '../../ui/form';
import {
  currentVersionOf,
  reopenInquiry,
  SERIOUSNESS,
  triageInquiry,
  updateInquiry,
  useForums,
  useSettings,
  useStoreInquiry,
  type InquiryDetail,
  type Seriousness,
} from './inquiriesApi';
import type { PanelProps } from './InquiryPage';

/** A change to the inquiry: the answer is the new inquiry, stored for the page at once. */
export function useInquiryChange<B>(
  send: (id: string, body: B) => Promise<InquiryDetail>,
  id: string,
  onDone?: () => void,
) {
  const store = useStoreInquiry();
  return useMutation({
    mutationFn: (body: B) => send(id, body),
    onSuccess: async (detail) => {
      await store(detail);
      onDone?.();
    },
  });
}

/**
 * "Someone else saved meanwhile" (409): the one stale-edit notice, with the version now stored
 * and the one the user worked on. It takes focus, like the error summary, so the user hears it
 * at once. Nothing while the change was not refused as stale.
 */
export function ChangeStale({
  error,
  panel,
  reset,
}: {
  error: unknown;
  panel: PanelProps;
  /** Forget the refused change (the notice goes away once the newest version is loaded). */
  reset?: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const stale = isStale(error);
  useEffect(() => {
    if (stale) ref.current?.focus();
  }, [stale]);
  if (!stale) return null;
  const current = currentVersionOf(error);
  const text = [
    `${t('inquiries.stale.title')}.`,
    current !== null
      ? t('inquiries.stale.textVersions', { current, mine: panel.detail.version })
      : t('inquiries.stale.text'),
    t('inquiries.stale.notSaved'),
  ].join(' ');
  return (
    <div ref={ref} className="inquiry-stale" tabIndex={-1}>
      <StaleNotice
        text={text}
        reloadLabel={t('inquiries.stale.reload')}
        onReload={() => {
          reset?.();
          panel.reload();
        }}
      />
    </div>
  );
}

/** A panel of the inquiry page; focus goes to its heading (`headingId`) after its save. */
export function Panel({
  title,
  headingId,
  children,
}: {
  title: string;
  headingId: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className="inquiry-panel">
      <h2 id={headingId} className="h3">
        {title}
      </h2>
      {children}
    </section>
  );
}

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
    <Panel title={t('inquiries.triage.heading')} headingId={headingId}>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.triage.done')}</SuccessMessage>}
      <ChangeStale error={mutation.error} panel={panel} reset={mutation.reset} />
      <Form
        id={`triage-${detail.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync({ ...values, version: detail.version })}
        error={mutation.error}
        errorTitle={t('inquiries.triage.failed')}
      >
        <Select name="seriousness" label={t('inquiries.triage.seriousness')}>
          <option value="">{t('inquiries.common.choose')}</option>
          {SERIOUSNESS.map((s) => (
            <option key={s} value={s}>
              {settings.data
                ? t('inquiries.triage.option', {
                    label: t(`inquiries.seriousness.${s}`),
                    hours: settings.data.deadlineHours[s],
                  })
                : t(`inquiries.seriousness.${s}`)}
            </option>
          ))}
        </Select>
        <p className="form-hint" aria-live="polite">
          {hours !== null ? t('inquiries.triage.rule', { hours }) : ''}
        </p>
        <button
          type="submit"
          className="button button-primary"
          disabled={!seriousness || mutation.isPending}
        >
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.triage.submit')}
        </button>
      </Form>
    </Panel>
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
    <Panel title={t('inquiries.forum.heading')} headingId={headingId}>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.forum.done')}</SuccessMessage>}
      <ChangeStale error={mutation.error} panel={panel} reset={mutation.reset} />
      {forums.isError && <p className="form-error-message">{t('inquiries.forum.loadError')}</p>}
      <Form
        id={`forum-${detail.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync({ ...values, version: detail.version })}
        error={mutation.error}
        errorTitle={t('inquiries.forum.failed')}
      >
        <Select
          name="forumId"
          empty="null"
          label={t('inquiries.forum.label')}
          hint={t('inquiries.forum.hint')}
        >
          <option value="">{t('inquiries.forum.none')}</option>
          {(forums.data?.items ?? []).map((forum) => (
            <option key={forum.id} value={forum.id}>
              {t('inquiries.forum.option', { name: forum.name, count: forum.memberCount })}
            </option>
          ))}
        </Select>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending || (forumId ?? null) === (detail.forum?.id ?? null)}
        >
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.forum.submit')}
        </button>
      </Form>
    </Panel>
  );
}

const ReopenValues = ReopenBody.omit({ version: true });

/** Reopen a decided inquiry, with a reason (recorded in the history). */
export function ReopenPanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const form = useZodForm(ReopenValues, { defaultValues: { reason: '' } });
  const headingId = useId();
  // Reopened, the panel goes away: focus goes to the page's heading, with the new status under it.
  const mutation = useInquiryChange(reopenInquiry, detail.id, () =>
    focusAfterSave(document.querySelector<HTMLElement>('#main-content h1')),
  );
  return (
    <Panel title={t('inquiries.reopen.heading')} headingId={headingId}>
      <p>{t('inquiries.reopen.intro')}</p>
      <ChangeStale error={mutation.error} panel={panel} />
      <Form
        id={`reopen-${detail.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync({ ...values, version: detail.version })}
        error={mutation.error}
        errorTitle={t('inquiries.reopen.failed')}
      >
        <TextArea name="reason" label={t('inquiries.reopen.reason')} rows={3} maxLength={2000} />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.reopen.submit')}
        </button>
      </Form>
    </Panel>
  );
}
