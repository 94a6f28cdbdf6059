import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { QueryState } from '../../ui/QueryState';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import { noticeLetterUrl, useNotices, type Notice, type NoticeList } from './noticeApi';
import { RecordNoticeForm } from './RecordNoticeForm';

/**
 * "Oplysning til borgeren" on the case overview (issue 13 part 8): who must be told (the citizen
 * and, for a child, the custody holders), whether each was, the letter for each, the notices and
 * exemptions recorded, and the form. Shown from the case's `abilities.notice` alone.
 */
export function NoticePanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  const canRead = detail.abilities.notice.read;
  const notices = useNotices(detail.id, canRead);
  const [done, setDone] = useState<string | null>(null);
  if (!canRead) return null;

  return (
    <section aria-labelledby={headingId} className="case-section notice">
      <h2 id={headingId}>{t('notice.heading')}</h2>
      <p>{t('notice.intro')}</p>
      <QueryState query={notices} loading={t('notice.loading')} loadError={t('notice.loadError')}>
        {(list) => (
          <>
            <p>
              <strong>
                {list.done ? t('notice.done') : t('notice.due', { date: formatDate(list.dueOn) })}
              </strong>
            </p>
            <Recipients caseId={detail.id} recipients={list.recipients} />
            {done && (
              <div id={doneId}>
                <SuccessMessage>{done}</SuccessMessage>
              </div>
            )}
            {detail.abilities.notice.write && (
              <>
                <h3>{t('notice.form.heading')}</h3>
                <RecordNoticeForm
                  caseId={detail.id}
                  recipients={list.recipients}
                  onDone={() => {
                    setDone(t('notice.form.saved'));
                    focusAfterSave(doneId);
                  }}
                />
              </>
            )}
            <h3>{t('notice.list.heading')}</h3>
            {list.items.length === 0 ? (
              <p>{t('notice.list.empty')}</p>
            ) : (
              <NoticeTable items={list.items} />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function Recipients({
  caseId,
  recipients,
}: {
  caseId: string;
  recipients: NoticeList['recipients'];
}) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('notice.recipients')}</h3>
      <ul>
        {recipients.map((r) => (
          <li key={r.personId}>
            {r.name}
            {r.role !== 'citizen' && r.custodyHolder && ` (${t('notice.custodyHolder')})`}
            {' – '}
            {r.told ? t('notice.told') : t('notice.notTold')}
            {' · '}
            <a href={noticeLetterUrl(caseId, r.personId)} download>
              {t('notice.letter', { name: r.name })}
            </a>
          </li>
        ))}
      </ul>
      <p className="form-hint">{t('notice.letterHint')}</p>
    </>
  );
}

function NoticeTable({ items }: { items: Notice[] }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      caption={t('notice.list.caption')}
      columns={[
        t('notice.list.what'),
        t('notice.list.date'),
        t('notice.list.details'),
        t('notice.list.by'),
      ]}
    >
      {items.map((n) => (
        <tr key={n.id}>
          <td>
            {t(`notice.outcomes.${n.outcome}`)}
            {n.person && ` – ${n.person.name}`}
          </td>
          <td>{formatDate(n.givenOn)}</td>
          <td>
            {n.method && t(`notice.methods.${n.method}`)}
            {n.exemption && (
              <>
                {t(`notice.exemptions.${n.exemption}`)}
                {n.reason && <p className="case-text">{n.reason}</p>}
              </>
            )}
          </td>
          <td>
            {t('notice.list.byAt', { name: n.recordedBy.name, time: formatDateTime(n.recordedAt) })}
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}
