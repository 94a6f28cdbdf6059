import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PagedList } from '../../ui/PagedList';
import { PageHeading } from '../../ui/PageHeading';
import { formatDateTime } from '../cases/format';
import { formatTimeLeft, rememberServerNow } from './format';
import { receivedBeforeText } from '../../ui/backdatedText';
import { InboxFilters, type FilterPatch } from './InboxFilters';
import { InboxSearch } from './InboxSearch';
import {
  INBOX_STATUSES,
  isOneOf,
  SERIOUSNESS_FILTERS,
  SOURCES,
  CHANNELS,
  useInbox,
  type InboxItem,
  type InboxParams,
} from './inquiriesApi';
import { StatusBadges } from './StatusBadges';
import './inquiries.css';
import { CompactTable } from '../../ui/Table';

/**
 * "Henvendelser" (/henvendelser): the inbox for those who read inquiries; for those who only
 * record them, a page with the way to record one.
 */
export function InboxPage() {
  const abilities = useSession().data?.abilities;
  if (!abilities?.inquiries.read) return <RecordOnly />;
  return <Inbox canCreate={abilities.inquiries.create} />;
}

/** "Ny henvendelse": the way to record an inquiry (also on the start page). */
export function NewInquiryButton() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/henvendelser/ny" className="button button-primary">
        {t('inquiries.inbox.new')}
      </Link>
    </p>
  );
}

function RecordOnly() {
  const { t } = useTranslation();
  usePageTitle(t('inquiries.inbox.title'));
  return (
    <>
      <PageHeading>{t('inquiries.inbox.title')}</PageHeading>
      <p className="font-lead">{t('inquiries.inbox.recordOnlyIntro')}</p>
      <NewInquiryButton />
    </>
  );
}

/** The filters from the address (only codes: never personal data in an address). */
function useFilters() {
  const [search, setSearch] = useSearchParams();
  const status = search.get('status');
  const seriousness = search.get('seriousness');
  const source = search.get('source');
  const channel = search.get('channel');
  const params: InboxParams = {
    status: isOneOf(INBOX_STATUSES, status) ? status : 'open',
    seriousness: isOneOf(SERIOUSNESS_FILTERS, seriousness) ? seriousness : null,
    source: isOneOf(SOURCES, source) ? source : null,
    channel: isOneOf(CHANNELS, channel) ? channel : null,
    overdue: search.get('overdue') === 'true',
  };
  const change = (patch: FilterPatch) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (next.get('status') === 'open') next.delete('status');
    setSearch(next, { replace: true });
  };
  return { params, change };
}

/** The server's time now: its `now` when the page came, plus the time since (on this PC). */
function useServerTime(serverNowAtFetch: string | undefined, fetchedAt: number) {
  const [tick, setTick] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (serverNowAtFetch) rememberServerNow(serverNowAtFetch, fetchedAt);
  }, [serverNowAtFetch, fetchedAt]);
  if (!serverNowAtFetch) return tick;
  return Date.parse(serverNowAtFetch) + Math.max(0, tick - fetchedAt);
}

function Inbox({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('inquiries.inbox.title'));
  const { params, change } = useFilters();
  // The search text is kept in the page only: a name or CPR number never goes in the address.
  const [text, setText] = useState<string | null>(null);
  const inbox = useInbox(params, text);
  const pages = inbox.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const now = useServerTime(pages[0]?.now, inbox.dataUpdatedAt);

  return (
    <>
      <PageHeading>{t('inquiries.inbox.title')}</PageHeading>
      <p className="font-lead">{t('inquiries.inbox.intro')}</p>
      {canCreate && <NewInquiryButton />}

      <InboxSearch params={params} text={text} onSearch={setText} />
      <InboxFilters params={params} onChange={change} />

      <PagedList
        query={inbox}
        count={items.length}
        countClassName="case-count"
        texts={{
          loading: t('inquiries.inbox.loading'),
          loadError: t('inquiries.inbox.loadError'),
          loadMoreError: t('inquiries.inbox.loadMoreError'),
          empty: text === null ? t('inquiries.inbox.empty') : t('inquiries.inbox.search.empty'),
          one: t('inquiries.inbox.countOne'),
          many: (count) => t('inquiries.inbox.countMany', { count }),
        }}
      >
        <InboxTable items={items} now={now} />
      </PagedList>
    </>
  );
}

function InboxTable({ items, now }: { items: InboxItem[]; now: number }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      className="inquiry-table"
      caption={t('inquiries.inbox.caption')}
      columns={[
        t('inquiries.inbox.columns.reference'),
        t('inquiries.inbox.columns.status'),
        t('inquiries.inbox.columns.seriousness'),
        t('inquiries.inbox.columns.source'),
        t('inquiries.inbox.columns.persons'),
        t('inquiries.inbox.columns.received'),
        t('inquiries.inbox.columns.deadline'),
        t('inquiries.inbox.columns.forum'),
      ]}
    >
      {items.map((item) => {
        const overdue =
          item.overdue || (item.status !== 'decided' && Date.parse(item.deadlineAt) < now);
        return (
          <tr key={item.id} className={overdue ? 'inquiry-row-overdue' : undefined}>
            <td className="inquiry-reference">
              <Link to={`/henvendelser/${item.id}`}>{item.reference}</Link>
              <StatusBadges urgent={item.urgent} immediateDanger={item.immediateDanger} />
            </td>
            <td>{t(`inquiries.status.${item.status}`)}</td>
            <td>
              {item.seriousness
                ? t(`inquiries.seriousness.${item.seriousness}`)
                : t('inquiries.seriousness.none')}
            </td>
            <td>{t(`inquiries.sources.${item.source}`)}</td>
            <td>
              {item.firstPersonName
                ? item.otherPersons > 0
                  ? t('inquiries.inbox.personAndOthers', {
                      name: item.firstPersonName,
                      count: item.otherPersons,
                    })
                  : item.firstPersonName
                : t(`inquiries.subjectKinds.${item.subjectKind}`)}
              {item.housingArea && (
                <>
                  <br />
                  <span className="inquiry-area">
                    {t('areaWork.inquiryArea', {
                      area: item.housingArea.name,
                      tool: item.housingArea.tool ?? '',
                    })}
                  </span>
                </>
              )}
            </td>
            <td className="inquiry-nowrap">{formatDateTime(item.receivedAt)}</td>
            <td className="inquiry-nowrap">
              {formatDateTime(item.deadlineAt)}
              {item.backdateReason && (
                <>
                  <br />
                  <span className="inquiry-backdated">
                    {receivedBeforeText(item.receivedAt, item.registeredAt)}
                  </span>
                </>
              )}
              {item.status !== 'decided' && (
                <>
                  <br />
                  {overdue ? (
                    <span className="badge badge-error inquiry-badge">
                      {formatTimeLeft(item.deadlineAt, now)}
                    </span>
                  ) : (
                    <span className="inquiry-time-left">
                      {formatTimeLeft(item.deadlineAt, now)}
                    </span>
                  )}
                </>
              )}
            </td>
            <td>{item.forumName ?? t('inquiries.common.none')}</td>
          </tr>
        );
      })}
    </CompactTable>
  );
}
