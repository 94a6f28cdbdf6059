import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../app/api';
import { Form, renameServerErrors, StaleNotice, type Rename } from '../../ui/form';
import { currentVersionOf, useStoreInquiry, type InquiryDetail } from './inquiriesApi';
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

/** The forms that change the inquiry, each with its texts under `inquiries.<texts>`. */
const CHANGE_TEXTS = {
  triage: 'triage',
  forum: 'forum',
  edit: 'edit',
  contribution: 'contributions',
  decision: 'decision',
  review: 'review',
  reopen: 'reopen',
  childReport: 'childReport',
  immediateHelp: 'immediateHelp',
  acknowledgement: 'acknowledgement',
} as const;

/**
 * A form that changes the inquiry: the stale notice, the form (its id `<kind>-<inquiry id>`), the
 * body its values make sent with `change`, the server's field problems on the form's fields
 * (`rename`), the error alert (`failed`) and the submit button (`submit`), which says "Gemmer …"
 * while the change is on its way.
 */
export function ChangeForm<TIn extends FieldValues, TOut, B>({
  kind,
  panel,
  form,
  change,
  body,
  rename,
  disabled = false,
  forgetStale = false,
  secondary = false,
  otherButtons,
  children,
}: {
  kind: keyof typeof CHANGE_TEXTS;
  panel: PanelProps;
  form: UseFormReturn<TIn, unknown, TOut>;
  change: UseMutationResult<InquiryDetail, Error, B>;
  /** The request body the values make. */
  body: (values: TOut) => B;
  /** The body's field names as the form's, for the values sent. */
  rename?: (values: TOut) => Rename;
  /** The submit button is disabled (besides while the change is on its way). */
  disabled?: boolean;
  /** "Load the latest version" also forgets the refused change (the panel stays on the page). */
  forgetStale?: boolean;
  /** A secondary submit button (a change that is not the page's main action). */
  secondary?: boolean;
  /** Buttons after the submit button (Cancel), in one row with it. */
  otherButtons?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const texts = CHANGE_TEXTS[kind];
  const button = (
    <button
      type="submit"
      className={secondary ? 'button button-secondary' : 'button button-primary'}
      disabled={disabled || change.isPending}
    >
      {change.isPending ? t('inquiries.common.saving') : t(`inquiries.${texts}.submit`)}
    </button>
  );
  return (
    <>
      <ChangeStale
        error={change.error}
        panel={panel}
        reset={forgetStale ? change.reset : undefined}
      />
      <Form
        id={`${kind}-${panel.detail.id}`}
        form={form}
        onSubmit={(values) =>
          change.mutateAsync(body(values)).catch((failure: unknown) => {
            throw rename ? renameServerErrors(failure, rename(values)) : failure;
          })
        }
        error={change.error}
        errorTitle={t(`inquiries.${texts}.failed`)}
      >
        {children}
        {otherButtons ? (
          <div className="inquiry-buttons">
            {button}
            {otherButtons}
          </div>
        ) : (
          button
        )}
      </Form>
    </>
  );
}
