import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  AcknowledgeBody,
  ImmediateHelpBody,
} from '../../../../server/modules/inquiries/schema-child-report.ts';
import {
  focusAfterSave,
  RadioGroup,
  SuccessMessage,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { receivedBeforeText } from '../../ui/backdatedText';
import { formatDateTime } from '../cases/format';
import { ChangeForm, useInquiryChange } from './ChangeForm';
import {
  acknowledgementUrl,
  acknowledgeReport,
  assessImmediateHelp,
  markChildReport,
  type ChildReport,
} from './childReportApi';
import type { PanelProps } from './InquiryPage';
import { Section } from './Section';

/**
 * A report about a child under Barnets lov (underretning): the suggestion to mark an inquiry
 * about a child from a professional, and once marked the two statutory duties with their
 * deadlines from the municipality's provisions — the assessment of whether the child needs
 * immediate help, and the acknowledgement to the reporting professional.
 */
export function ChildReportSection(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const report = detail.childReport;
  const headingId = useId();
  if (!report.marked && !(report.eligible && report.mayRecord)) return null;
  return (
    <Section
      className="inquiry-panel"
      title={t('inquiries.childReport.heading')}
      headingId={headingId}
    >
      {report.marked ? (
        <>
          <ImmediateHelp panel={panel} report={report} />
          <Acknowledgement panel={panel} report={report} />
          {[report.immediateHelp.provision, report.acknowledgement.provision].some(
            (p) => p && !p.confirmed,
          ) && <p className="form-hint">{t('inquiries.childReport.unconfirmed')}</p>}
        </>
      ) : (
        <MarkForm panel={panel} headingId={headingId} />
      )}
    </Section>
  );
}

const NoValues = z.object({});

function MarkForm({ panel, headingId }: { panel: PanelProps; headingId: string }) {
  const { t } = useTranslation();
  const form = useZodForm(NoValues, { defaultValues: {} });
  const mutation = useInquiryChange(markChildReport, panel.detail.id, () =>
    focusAfterSave(headingId),
  );
  return (
    <>
      <p>{t('inquiries.childReport.suggestion')}</p>
      <ChangeForm
        kind="childReport"
        panel={panel}
        form={form}
        change={mutation}
        body={() => ({ childReport: true, version: panel.detail.version })}
        secondary
      >
        {null}
      </ChangeForm>
    </>
  );
}

type Duty = ChildReport['immediateHelp'] | ChildReport['acknowledgement'];

/** "Frist 6. december 2026 kl. 10.00 (Barnets lov § 138) – overskredet". */
function Deadline({
  at,
  duty,
  detail,
}: {
  at: string | null;
  duty: Duty;
  detail: PanelProps['detail'];
}) {
  const { t } = useTranslation();
  if (!at) return <p>{t('inquiries.childReport.noProvision')}</p>;
  const provision = duty.provision;
  return (
    <p className={duty.state === 'overdue' ? 'inquiry-deadline inquiry-deadline-overdue' : ''}>
      <strong>{t('inquiries.childReport.deadline')}</strong> {formatDateTime(at)}
      {provision && <> ({`${provision.law} ${provision.section}`})</>} –{' '}
      {t(`inquiries.childReport.states.${duty.state}`)}
      {detail.backdateReason && (
        <> – {receivedBeforeText(detail.receivedAt, detail.registeredAt)}</>
      )}
    </p>
  );
}

const HelpValues = ImmediateHelpBody.omit({ version: true, needed: true }).extend({
  needed: z.enum(['yes', 'no']),
});

function ImmediateHelp({ panel, report }: { panel: PanelProps; report: ChildReport }) {
  const { t } = useTranslation();
  const { detail } = panel;
  const help = report.immediateHelp;
  const headingId = useId();
  const form = useZodForm(HelpValues, {
    defaultValues: { needed: '' as 'yes', note: '' },
  });
  const mutation = useInquiryChange(assessImmediateHelp, detail.id, () =>
    focusAfterSave(headingId),
  );
  return (
    <>
      <h3 id={headingId}>{t('inquiries.childReport.immediateHelp')}</h3>
      <Deadline at={help.deadlineAt} duty={help} detail={detail} />
      {mutation.isSuccess && <SuccessMessage>{t('inquiries.immediateHelp.done')}</SuccessMessage>}
      {help.assessedAt ? (
        <p>
          {t(
            help.needed
              ? 'inquiries.childReport.helpNeeded'
              : 'inquiries.childReport.helpNotNeeded',
          )}{' '}
          {t('inquiries.childReport.recorded', {
            by: help.assessedBy ?? '',
            at: formatDateTime(help.assessedAt),
          })}
          {detail.immediateHelpNote && (
            <>
              <br />
              <span className="case-text">{detail.immediateHelpNote}</span>
            </>
          )}
        </p>
      ) : (
        report.mayRecord && (
          <ChangeForm
            kind="immediateHelp"
            panel={panel}
            form={form}
            change={mutation}
            body={(values) => ({
              needed: values.needed === 'yes',
              note: values.note,
              version: detail.version,
            })}
          >
            <RadioGroup<'yes' | 'no'>
              name="needed"
              label={t('inquiries.immediateHelp.needed')}
              choose={t('inquiries.immediateHelp.choose')}
              className="inquiry-inline-options"
              options={[
                { value: 'yes', label: t('inquiries.common.yes') },
                { value: 'no', label: t('inquiries.common.no') },
              ]}
            />
            <TextArea
              name="note"
              label={t('inquiries.immediateHelp.note')}
              hint={t('inquiries.immediateHelp.noteHint')}
              rows={3}
              maxLength={2000}
              empty="null"
            />
          </ChangeForm>
        )
      )}
    </>
  );
}

const AckValues = AcknowledgeBody.omit({ version: true });

/** "Sendt som e-mail til x@y.dk 5. marts 2026 kl. 13.05." – or waiting, or failed. */
function MailStatus({ mail }: { mail: NonNullable<ChildReport['acknowledgement']['email']> }) {
  const { t } = useTranslation();
  return (
    <p className={mail.status === 'failed' ? 'inquiry-deadline inquiry-deadline-overdue' : ''}>
      {t(`inquiries.childReport.email.${mail.status}`, {
        to: mail.to ?? '',
        at: formatDateTime(mail.at),
      })}
    </p>
  );
}

function Acknowledgement({ panel, report }: { panel: PanelProps; report: ChildReport }) {
  const { t } = useTranslation();
  const { detail } = panel;
  const ack = report.acknowledgement;
  const headingId = useId();
  const form = useZodForm(AckValues, { defaultValues: { email: ack.suggestedEmail ?? '' } });
  const mutation = useInquiryChange(acknowledgeReport, detail.id, () => focusAfterSave(headingId));
  return (
    <>
      <h3 id={headingId}>{t('inquiries.childReport.acknowledgement')}</h3>
      <Deadline at={ack.dueAt} duty={ack} detail={detail} />
      {ack.sentAt ? (
        <>
          <p>
            {t('inquiries.childReport.sent', {
              to: ack.sentTo ?? '',
              by: ack.sentBy ?? '',
              at: formatDateTime(ack.sentAt),
            })}{' '}
            <a href={acknowledgementUrl(detail.id)} download={`kvittering-${detail.reference}.pdf`}>
              {t('inquiries.childReport.download')}
            </a>
          </p>
          {ack.email && <MailStatus mail={ack.email} />}
        </>
      ) : !ack.possible ? (
        <p>{t('inquiries.childReport.noReporter')}</p>
      ) : (
        report.mayRecord && (
          <ChangeForm
            kind="acknowledgement"
            panel={panel}
            form={form}
            change={mutation}
            body={(values) => ({ email: values.email ?? null, version: detail.version })}
            secondary
          >
            <p>
              {t('inquiries.childReport.sendTo', {
                to: [detail.reporter.name, detail.reporter.contact].filter(Boolean).join(', '),
              })}
            </p>
            <TextInput
              name="email"
              type="email"
              autoComplete="off"
              label={t('inquiries.childReport.emailLabel')}
              hint={t('inquiries.childReport.emailHint')}
              widthClass="input-width-xl"
              maxLength={254}
              empty="null"
            />
          </ChangeForm>
        )
      )}
    </>
  );
}
