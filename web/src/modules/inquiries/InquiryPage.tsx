import { useId, useState } from 'react';
import { ForwardPanel } from '../transfers/ForwardPanel';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { usePageTitle } from '../../app/usePageTitle';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RecordLoadFailure } from '../../ui/RecordLoadFailure';
import { Tabs } from '../../ui/Tabs';
import { useEditToggle } from '../../ui/useEditToggle';
import { formatDate, formatDateTime, isUuid } from '../cases/format';
import { useFocusHeading } from '../cases/useFocusHeading';
import { ChildReportSection } from './ChildReportSection';
import { ContactSection } from '../citizen-meetings/ContactSection';
import { ContributionsSection } from './ContributionsSection';
import { DecisionsSection } from './DecisionsSection';
import { formatTimeLeft, isPast } from './format';
import { backdatedText, receivedBeforeText } from '../../ui/backdatedText';
import { HistoryPanel } from './HistoryPanel';
import { PoliceFeedbackSection } from '../police-feedback/PoliceFeedbackSection';
import { TIERS, useInquiry, type InquiryDetail } from './inquiriesApi';
import { EditPanel } from './EditPanel';
import { ForumPanel, ReopenPanel, TriagePanel } from './InquiryPanels';
import { StatusBadges } from './StatusBadges';
import './inquiries.css';
import { CompactTable } from '../../ui/Table';

/**
 * One inquiry (/henvendelser/:id). One the user may not see answers 404, exactly like one that
 * does not exist, so the page then says only that the page was not found.
 */
export function InquiryPage() {
  const { id } = useParams();
  if (!isUuid(id)) return <NotFoundPage />;
  return <InquiryLoader id={id} />;
}

function InquiryLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const found = useInquiry(id);
  if (found.isPending) return <Loading label={t('inquiries.detail.loading')} />;
  if (found.isError) {
    return (
      <RecordLoadFailure
        error={found.error}
        title={t('inquiries.detail.titleUnknown')}
        loadError={t('inquiries.detail.loadError')}
        onRetry={() => void found.refetch()}
      />
    );
  }
  return (
    <InquiryView
      detail={found.data}
      reload={() => void found.refetch()}
      reloading={found.isFetching}
    />
  );
}

export interface PanelProps {
  detail: InquiryDetail;
  /** Fetch the inquiry again (after a stale change). */
  reload: () => void;
  reloading: boolean;
}

type Tab = 'overview' | 'history';
const TABS: Tab[] = ['overview', 'history'];

function InquiryView({ detail, reload, reloading }: PanelProps) {
  const { t } = useTranslation();
  const title = t('inquiries.detail.title', { reference: detail.reference });
  usePageTitle(title);
  useFocusHeading();
  const [tab, setTab] = useState<Tab>('overview');
  return (
    <>
      <p className="case-back">
        <Link to="/henvendelser">{t('inquiries.detail.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <InquiryHeader detail={detail} />
      <ForwardPanel key={`f${detail.version}`} inquiryId={detail.id} />
      {detail.decisions?.some((d) => d.status === 'final' && d.outcome === 'police') && (
        <PoliceFeedbackSection inquiryId={detail.id} />
      )}

      <div className="inquiry-tabs">
        <Tabs
          label={t('inquiries.detail.tabsLabel')}
          tabs={TABS.map((key) => ({ key, label: t(`inquiries.detail.tabs.${key}`) }))}
          selected={tab}
          onSelect={setTab}
        >
          {tab === 'overview' ? (
            <Overview detail={detail} reload={reload} reloading={reloading} />
          ) : (
            <HistoryPanel detail={detail} />
          )}
        </Tabs>
      </div>
    </>
  );
}

function InquiryHeader({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation();
  const decided = detail.status === 'decided';
  const overdue = !decided && (detail.overdue || isPast(detail.deadlineAt));
  return (
    <>
      <p className="font-lead inquiry-meta">
        <span className="badge badge-info inquiry-badge">
          {t(`inquiries.status.${detail.status}`)}
        </span>
        <StatusBadges urgent={detail.urgent} immediateDanger={detail.immediateDanger} />
      </p>
      <p className={overdue ? 'inquiry-deadline inquiry-deadline-overdue' : 'inquiry-deadline'}>
        {overdue && <Icon name="warning" className="inquiry-deadline-icon" />}
        <strong>{t('inquiries.detail.deadline')}</strong> {formatDateTime(detail.deadlineAt)}
        {!decided && <> ({formatTimeLeft(detail.deadlineAt)})</>}
        {detail.backdateReason && (
          <> – {receivedBeforeText(detail.receivedAt, detail.registeredAt)}</>
        )}
      </p>
    </>
  );
}

function Overview({ detail, reload, reloading }: PanelProps) {
  const { t } = useTranslation();
  const factsId = useId();
  const personsId = useId();
  const concernId = useId();
  const edit = useEditToggle();
  const notGiven = t('inquiries.common.notGiven');
  const { abilities } = detail;
  const hasConcern = 'observation' in detail || 'signs' in detail;

  return (
    <>
      {(abilities.triage || abilities.assignForum) && (
        <div className="inquiry-action-row">
          {abilities.triage && (
            <TriagePanel detail={detail} reload={reload} reloading={reloading} />
          )}
          {abilities.assignForum && (
            <ForumPanel detail={detail} reload={reload} reloading={reloading} />
          )}
        </div>
      )}

      <ChildReportSection detail={detail} reload={reload} reloading={reloading} />

      <ContactSection
        owner={{ kind: 'inquiry', id: detail.id }}
        abilities={{ read: abilities.read, write: abilities.contribute, compartment: true }}
        colleagues={[]}
      />

      <section aria-labelledby={factsId} className="case-section">
        <h2 id={factsId}>{t('inquiries.detail.factsHeading')}</h2>
        {abilities.edit && !edit.editing && (
          <button
            type="button"
            id={edit.openerId}
            className="button button-secondary"
            onClick={edit.open}
          >
            {t('inquiries.edit.open')}
          </button>
        )}
        {abilities.edit && edit.editing && (
          <EditPanel
            key={`e${detail.version}`}
            detail={detail}
            reload={reload}
            reloading={reloading}
            onClose={edit.close}
            onCancel={edit.cancel}
            headingId={factsId}
          />
        )}
        <dl className="case-facts">
          <dt>{t('inquiries.detail.source')}</dt>
          <dd>
            {t(`inquiries.sources.${detail.source}`)}
            {detail.sourceOther && `: ${detail.sourceOther}`}
          </dd>
          <dt>{t('inquiries.detail.channel')}</dt>
          <dd>{t(`inquiries.channels.${detail.channel}`)}</dd>
          <dt>{t('inquiries.detail.reporter')}</dt>
          <dd>
            {detail.reporter.anonymous
              ? t('inquiries.detail.reporterAnonymous')
              : [detail.reporter.name, detail.reporter.contact].filter(Boolean).join(', ') ||
                notGiven}
          </dd>
          <dt>{t('inquiries.detail.received')}</dt>
          <dd>
            {detail.backdateReason
              ? backdatedText(detail.receivedAt, detail.registeredAt, detail.backdateReason)
              : formatDateTime(detail.receivedAt)}
            {detail.backdateNote && <> – {detail.backdateNote}</>}
          </dd>
          <dt>{t('inquiries.detail.recordedBy')}</dt>
          <dd>
            {detail.recordedBy}
            {detail.recordedUnitName && `, ${detail.recordedUnitName}`}
          </dd>
          <dt>{t('inquiries.detail.subjectKind')}</dt>
          <dd>
            {t(`inquiries.subjectKinds.${detail.subjectKind}`)}
            {detail.groupDescription && `: ${detail.groupDescription}`}
          </dd>
          <dt>{t('inquiries.detail.seriousness')}</dt>
          <dd>
            {detail.seriousness
              ? t(`inquiries.seriousness.${detail.seriousness}`)
              : t('inquiries.seriousness.none')}
          </dd>
          <dt>{t('inquiries.detail.forum')}</dt>
          <dd>{detail.forum?.name ?? t('inquiries.common.none')}</dd>
          {detail.housingArea && (
            <>
              <dt>{t('areaWork.inquiryAreaLabel')}</dt>
              <dd>
                {t('areaWork.inquiryArea', {
                  area: detail.housingArea.name,
                  tool: detail.housingArea.tool ?? '',
                })}
              </dd>
            </>
          )}
          {detail.fourEyes && (
            <>
              <dt>{t('inquiries.detail.fourEyes')}</dt>
              <dd>{t('inquiries.detail.fourEyesText')}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby={personsId} className="case-section">
        <h2 id={personsId}>{t('inquiries.detail.personsHeading')}</h2>
        {detail.persons.length === 0 ? (
          <p>{t('inquiries.detail.noPersons')}</p>
        ) : (
          <CompactTable
            className="case-table"
            caption={t('inquiries.detail.personsCaption', { reference: detail.reference })}
            columns={[
              t('inquiries.detail.personName'),
              t('inquiries.detail.personBirthDate'),
              t('inquiries.detail.personCpr'),
              t('inquiries.detail.personRelation'),
            ]}
          >
            {detail.persons.map((person, index) => (
              <tr key={person.id}>
                <td>
                  {person.mayOpen ? (
                    <Link to={`/personer/${person.id}`}>{person.name}</Link>
                  ) : (
                    person.name
                  )}
                </td>
                <td>{person.birthDate ? formatDate(person.birthDate) : notGiven}</td>
                <td>{person.cprMasked ?? notGiven}</td>
                <td>
                  {person.relationToFirst
                    ? t(`inquiries.relations.${person.relationToFirst}`)
                    : index === 0
                      ? t('inquiries.detail.firstPerson')
                      : notGiven}
                </td>
              </tr>
            ))}
          </CompactTable>
        )}
      </section>

      {hasConcern ? (
        <section aria-labelledby={concernId} className="case-section">
          <h2 id={concernId}>{t('inquiries.detail.concernHeading')}</h2>
          {'observation' in detail && (
            <>
              <h3>{t('inquiries.detail.observation')}</h3>
              <p className="case-text">{detail.observation}</p>
            </>
          )}
          {detail.signs && (
            <>
              <h3>{t('inquiries.detail.signs')}</h3>
              {detail.signs.length === 0 ? (
                <p>{t('inquiries.detail.noSigns')}</p>
              ) : (
                TIERS.map((tier) => {
                  const inTier = (detail.signs ?? []).filter((s) => s.tier === tier);
                  if (inTier.length === 0) return null;
                  return (
                    <div key={tier} className="inquiry-sign-list">
                      <h4>{t(`inquiries.signs.tiers.${tier}.heading`)}</h4>
                      <ul>
                        {inTier.map((sign) => (
                          <li key={sign.code}>
                            {t(`inquiries.signs.codes.${sign.code}`)}
                            {sign.note && (
                              <>
                                <br />
                                <span className="inquiry-sign-note">
                                  {t('inquiries.detail.signNote', { note: sign.note })}
                                </span>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </div>
                  );
                })
              )}
            </>
          )}
        </section>
      ) : (
        <div className="alert alert-info case-coordinated">
          <Icon name="info" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-text">{t('inquiries.detail.neutralMarker')}</p>
          </div>
        </div>
      )}

      <ContributionsSection detail={detail} reload={reload} reloading={reloading} />
      <DecisionsSection detail={detail} reload={reload} reloading={reloading} />
      {abilities.reopen && (
        <ReopenPanel
          key={`r${detail.version}`}
          detail={detail}
          reload={reload}
          reloading={reloading}
        />
      )}
    </>
  );
}
