import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { Checkbox, Select, SuccessMessage, TextArea } from '../../ui/fields';
import { danishDateTimeToIso, parseDanishDate, serverNow } from './format';
import {
  CHANNELS,
  currentVersionOf,
  isStale,
  reopenInquiry,
  SERIOUSNESS,
  SIGN_CODES,
  signTier,
  SOURCES,
  triageInquiry,
  updateInquiry,
  useForums,
  useSettings,
  useStoreInquiry,
  type Channel,
  type ConcernSign,
  type InquiryDetail,
  type Seriousness,
  type Source,
} from './inquiriesApi';
import type { PanelProps } from './InquiryPage';
import { SignsFields } from './SignsSection';
import { StaleNotice } from './StaleNotice';

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

/** What went wrong with a change: "someone else saved meanwhile", or the form's errors. */
export function ChangeError({
  error,
  fields,
  title,
  panel,
  reset,
}: {
  error: unknown;
  fields: FormField[];
  title: string;
  panel: PanelProps;
  /** Forget the refused change (the notice goes away once the newest version is loaded). */
  reset?: () => void;
}) {
  if (isStale(error)) {
    return (
      <StaleNotice
        myVersion={panel.detail.version}
        currentVersion={currentVersionOf(error)}
        onReload={() => {
          reset?.();
          panel.reload();
        }}
        reloading={panel.reloading}
      />
    );
  }
  return <FormError error={error} fields={fields} title={title} />;
}

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="inquiry-panel">
      <h2 id={id} className="h3">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Triage: the seriousness, and the deadline rule it brings (the municipality's 24/48/72 h). */
export function TriagePanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const settingsAllowed = useSession().data?.abilities?.settings.read === true;
  const settings = useSettings(settingsAllowed);
  const [seriousness, setSeriousness] = useState<Seriousness | ''>(detail.seriousness ?? '');
  const mutation = useInquiryChange(triageInquiry, detail.id);
  const id = `triage-${detail.id}`;
  const fields: FormField[] = [
    { name: 'body.seriousness', id, label: t('inquiries.triage.seriousness') },
  ];
  const errors = fieldErrors(mutation.error);
  const hours = seriousness && settings.data ? settings.data.deadlineHours[seriousness] : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!seriousness || mutation.isPending) return;
    mutation.mutate({ version: detail.version, seriousness });
  };

  return (
    <Panel title={t('inquiries.triage.heading')}>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.triage.done')}</SuccessMessage>}
      <ChangeError
        error={mutation.error}
        fields={fields}
        title={t('inquiries.triage.failed')}
        panel={panel}
        reset={mutation.reset}
      />
      <form noValidate onSubmit={submit}>
        <Select
          id={id}
          label={t('inquiries.triage.seriousness')}
          error={errors['body.seriousness']}
          value={seriousness}
          onChange={(event) => setSeriousness(event.target.value as Seriousness | '')}
        >
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
      </form>
    </Panel>
  );
}

/** The forum that assesses the inquiry (its members then see it until it is decided). */
export function ForumPanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const forums = useForums(true);
  const [forumId, setForumId] = useState(detail.forum?.id ?? '');
  const mutation = useInquiryChange(updateInquiry, detail.id);
  const id = `forum-${detail.id}`;
  const fields: FormField[] = [{ name: 'body.forumId', id, label: t('inquiries.forum.label') }];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate({ version: detail.version, forumId: forumId || null });
  };

  return (
    <Panel title={t('inquiries.forum.heading')}>
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.forum.done')}</SuccessMessage>}
      <ChangeError
        error={mutation.error}
        fields={fields}
        title={t('inquiries.forum.failed')}
        panel={panel}
        reset={mutation.reset}
      />
      <form noValidate onSubmit={submit}>
        <Select
          id={id}
          label={t('inquiries.forum.label')}
          hint={t('inquiries.forum.hint')}
          error={
            errors['body.forumId'] ?? (forums.isError ? t('inquiries.forum.loadError') : undefined)
          }
          value={forumId}
          onChange={(event) => setForumId(event.target.value)}
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
          disabled={mutation.isPending || forumId === (detail.forum?.id ?? '')}
        >
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.forum.submit')}
        </button>
      </form>
    </Panel>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Danish date and time of day, in Danish time. */
function danishParts(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    date: `${parts.day ?? ''}.${parts.month ?? ''}.${parts.year ?? ''}`,
    time: `${pad(Number(parts.hour))}.${pad(Number(parts.minute))}`,
  };
}

/** Edit the facts and the concern (with the version read: a stale save is refused with 409). */
export function EditPanel(panel: PanelProps & { onClose: () => void }) {
  const { detail, onClose } = panel;
  const { t } = useTranslation();
  const received = danishParts(detail.receivedAt);
  const [source, setSource] = useState<Source>(detail.source);
  const [sourceOther, setSourceOther] = useState(detail.sourceOther ?? '');
  const [channel, setChannel] = useState<Channel>(detail.channel);
  const [receivedDate, setReceivedDate] = useState(received.date);
  const [receivedTime, setReceivedTime] = useState(received.time);
  const [groupDescription, setGroupDescription] = useState(detail.groupDescription ?? '');
  const [observation, setObservation] = useState(detail.observation ?? '');
  const [immediateDanger, setImmediateDanger] = useState(detail.immediateDanger);
  const [signs, setSigns] = useState<Partial<Record<ConcernSign, string>>>(() =>
    Object.fromEntries((detail.signs ?? []).map((s) => [s.code, s.note ?? ''])),
  );
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useInquiryChange(updateInquiry, detail.id, onClose);
  const prefix = `edit-${detail.id}`;
  const ids = {
    source: `${prefix}-source`,
    sourceOther: `${prefix}-source-other`,
    channel: `${prefix}-channel`,
    date: `${prefix}-date`,
    time: `${prefix}-time`,
    group: `${prefix}-group`,
    observation: `${prefix}-observation`,
  };
  const fields: FormField[] = [
    { name: 'body.source', id: ids.source, label: t('inquiries.intake.source') },
    { name: 'body.sourceOther', id: ids.sourceOther, label: t('inquiries.intake.sourceOther') },
    { name: 'body.channel', id: ids.channel, label: t('inquiries.intake.channel') },
    { name: 'body.receivedAt', id: ids.date, label: t('inquiries.intake.receivedDate') },
    { name: 'body.groupDescription', id: ids.group, label: t('inquiries.intake.groupDescription') },
    { name: 'body.observation', id: ids.observation, label: t('inquiries.intake.observation') },
  ];
  const errors = fieldErrors(mutation.error);
  const hasConcern = 'observation' in detail;
  const checked = SIGN_CODES.filter((code) => signs[code] !== undefined);
  const urgent = immediateDanger || checked.some((c) => signTier(c) === 'serious');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const receivedAt = danishDateTimeToIso(receivedDate, receivedTime);
    if (!receivedAt || !parseDanishDate(receivedDate)) {
      setLocalError(t('inquiries.intake.problems.dateInvalid'));
      return;
    }
    if (Date.parse(receivedAt) > serverNow() + 60_000) {
      setLocalError(t('inquiries.intake.problems.future'));
      return;
    }
    setLocalError(null);
    mutation.mutate({
      version: detail.version,
      source,
      sourceOther: source === 'other' ? sourceOther.trim() || null : null,
      channel,
      receivedAt,
      groupDescription:
        detail.subjectKind === 'group' ? groupDescription.trim() || null : undefined,
      immediateDanger,
      ...(hasConcern && {
        observation: observation.trim(),
        signs: checked.map((code) => ({ code, note: signs[code]?.trim() || null })),
      }),
    });
  };

  return (
    <div className="inquiry-edit">
      <h3>{t('inquiries.edit.heading')}</h3>
      <ChangeError
        error={mutation.error}
        fields={fields}
        title={t('inquiries.edit.failed')}
        panel={panel}
      />
      <form noValidate onSubmit={submit}>
        <div className="inquiry-field-row">
          <Select
            id={ids.source}
            label={t('inquiries.intake.source')}
            error={errors['body.source']}
            value={source}
            onChange={(event) => setSource(event.target.value as Source)}
          >
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`inquiries.sources.${s}`)}
              </option>
            ))}
          </Select>
          <Select
            id={ids.channel}
            label={t('inquiries.intake.channel')}
            error={errors['body.channel']}
            value={channel}
            onChange={(event) => setChannel(event.target.value as Channel)}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`inquiries.channels.${c}`)}
              </option>
            ))}
          </Select>
        </div>
        {source === 'other' && (
          <TextField
            id={ids.sourceOther}
            label={t('inquiries.intake.sourceOther')}
            error={errors['body.sourceOther']}
            widthClass="input-width-l"
            value={sourceOther}
            onChange={(event) => setSourceOther(event.target.value)}
          />
        )}
        <div className="inquiry-field-row">
          <TextField
            id={ids.date}
            label={t('inquiries.intake.receivedDate')}
            hint={t('inquiries.common.dateHint')}
            error={errors['body.receivedAt'] ?? localError ?? undefined}
            widthClass="input-char-11"
            value={receivedDate}
            onChange={(event) => setReceivedDate(event.target.value)}
          />
          <TextField
            id={ids.time}
            label={t('inquiries.intake.receivedTime')}
            hint={t('inquiries.common.timeHint')}
            widthClass="input-char-8"
            value={receivedTime}
            onChange={(event) => setReceivedTime(event.target.value)}
          />
        </div>
        {detail.subjectKind === 'group' && (
          <TextArea
            id={ids.group}
            label={t('inquiries.intake.groupDescription')}
            error={errors['body.groupDescription']}
            rows={3}
            maxLength={500}
            value={groupDescription}
            onChange={(event) => setGroupDescription(event.target.value)}
          />
        )}
        {hasConcern ? (
          <>
            <TextArea
              id={ids.observation}
              label={t('inquiries.intake.observation')}
              error={errors['body.observation']}
              rows={6}
              maxLength={10_000}
              value={observation}
              onChange={(event) => setObservation(event.target.value)}
            />
            <fieldset className="inquiry-edit-signs">
              <legend className="h4">{t('inquiries.intake.sections.signs')}</legend>
              <SignsFields
                signs={signs}
                immediateDanger={immediateDanger}
                urgent={urgent && !detail.urgent}
                errors={errors}
                bodyIndex={(code) => checked.indexOf(code)}
                onSigns={setSigns}
                onDanger={setImmediateDanger}
              />
            </fieldset>
          </>
        ) : (
          <div className="form-group">
            <Checkbox
              id={`${prefix}-danger`}
              label={t('inquiries.intake.signs.immediateDanger')}
              checked={immediateDanger}
              onChange={setImmediateDanger}
            />
          </div>
        )}
        <div className="inquiry-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.edit.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('inquiries.common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Reopen a decided inquiry, with a reason (recorded in the history). */
export function ReopenPanel(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mutation = useInquiryChange(reopenInquiry, detail.id);
  const id = `reopen-${detail.id}`;
  const fields: FormField[] = [{ name: 'body.reason', id, label: t('inquiries.reopen.reason') }];
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate({ version: detail.version, reason: reason.trim() });
  };
  return (
    <Panel title={t('inquiries.reopen.heading')}>
      <p>{t('inquiries.reopen.intro')}</p>
      <ChangeError
        error={mutation.error}
        fields={fields}
        title={t('inquiries.reopen.failed')}
        panel={panel}
      />
      <form noValidate onSubmit={submit}>
        <TextArea
          id={id}
          label={t('inquiries.reopen.reason')}
          error={errors['body.reason']}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.reopen.submit')}
        </button>
      </form>
    </Panel>
  );
}
