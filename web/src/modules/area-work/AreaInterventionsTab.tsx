import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { CompactTable } from '../../ui/Table';
import { PagedList } from '../../ui/PagedList';
import { formatDate } from '../cases/format';
import { useAreaContext } from '../housing-areas/areaContext';
import {
  AREA_INTERVENTION_KINDS,
  AREA_INTERVENTION_STATUSES,
  useAreaInterventions,
} from './areaWorkApi';
import { InterventionDetail } from './InterventionDetail';
import { NewInterventionForm } from './NewInterventionForm';

/**
 * The area's interventions of phase 3 (/boligomraader/:id/indsatser): the list with filters by
 * kind and status, a new one (`writeInterventions`), and one intervention with its history,
 * follow-ups and status changes (InterventionDetail).
 */
export function AreaInterventionsTab() {
  return (
    <Routes>
      <Route index element={<InterventionList />} />
      <Route path="ny" element={<NewInterventionForm />} />
      <Route path=":interventionId" element={<DetailRoute />} />
    </Routes>
  );
}

function DetailRoute() {
  const { interventionId = '' } = useParams();
  return <InterventionDetail key={interventionId} interventionId={interventionId} />;
}

function InterventionList() {
  const { t } = useTranslation();
  const { area } = useAreaContext();
  const headingId = useId();
  const kindId = useId();
  const statusId = useId();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const list = useAreaInterventions(area.id, { kind, status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('areaWork.interventions.heading')}</h2>
      <p>{t('areaWork.interventions.intro')}</p>
      {area.abilities.writeInterventions && (
        <p>
          <Link to="ny" className="button button-primary">
            {t('areaWork.interventions.new')}
          </Link>
        </p>
      )}
      <div className="filter-row">
        <div className="form-group">
          <label className="form-label" htmlFor={kindId}>
            {t('areaWork.interventions.kind')}
          </label>
          <select
            id={kindId}
            className="form-select"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            <option value="">{t('areaWork.interventions.all')}</option>
            {AREA_INTERVENTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`areaWork.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor={statusId}>
            {t('areaWork.interventions.status')}
          </label>
          <select
            id={statusId}
            className="form-select"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">{t('areaWork.interventions.all')}</option>
            {AREA_INTERVENTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`areaWork.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <PagedList
        query={list}
        count={items.length}
        countClassName="form-hint"
        texts={{
          loading: t('areaWork.interventions.loading'),
          loadError: t('areaWork.interventions.loadError'),
          loadMoreError: t('areaWork.interventions.loadMoreError'),
          empty: t('areaWork.interventions.none'),
          one: t('areaWork.interventions.countOne'),
          many: (count) => t('areaWork.interventions.countMany', { count }),
        }}
      >
        <CompactTable
          caption={t('areaWork.interventions.heading')}
          columns={[
            t('areaWork.interventions.title'),
            t('areaWork.interventions.kind'),
            t('areaWork.interventions.status'),
            t('areaWork.interventions.participants'),
            t('areaWork.interventions.nextFollowUp'),
          ]}
        >
          {items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={i.id}>{i.title}</Link>
              </td>
              <td>{t(`areaWork.kind.${i.kind}`)}</td>
              <td>{t(`areaWork.status.${i.status}`)}</td>
              <td>
                {i.plannedParticipants === null
                  ? '–'
                  : t('areaWork.interventions.participantsOf', {
                      actual: i.actualParticipants ?? '–',
                      planned: i.plannedParticipants,
                    })}
              </td>
              <td>{i.nextFollowUpOn ? formatDate(i.nextFollowUpOn) : '–'}</td>
            </tr>
          ))}
        </CompactTable>
      </PagedList>
    </section>
  );
}
