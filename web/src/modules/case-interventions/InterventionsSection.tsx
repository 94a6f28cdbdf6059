import { useId, useState } from 'react';
import { FilterSelect } from '../../ui/FilterSelect';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/casesApi';
import { CreateInterventionForm } from './CreateInterventionForm';
import type { CaseInterventions } from './interventionsApi';
import { InterventionItem } from './InterventionItem';
import { InterventionTable } from './InterventionTable';

interface Props {
  detail: CaseDetail;
  data: CaseInterventions;
  /** Sees the whole case, not only their own interventions (the texts say which). */
  full: boolean;
  /** May create interventions and change their status and provider. */
  canManage: boolean;
  /** May write session notes. */
  canLog: boolean;
  /** Id of the consents heading, for the hint when consent is missing. */
  consentsAnchor: string;
}

/**
 * The interventions of the case: a table, then each one with its status and session notes. The
 * list can show one person's: every intervention they take part in, as the main person or as a
 * participant of a family or group intervention.
 */
export function InterventionsSection({
  detail,
  data,
  full,
  canManage,
  canLog,
  consentsAnchor,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [personId, setPersonId] = useState('');
  const interventions = personId
    ? data.interventions.filter((i) => i.participants.some((p) => p.id === personId))
    : data.interventions;
  // Everyone taking part in an intervention shown (a mentor sees only their own).
  const persons = new Map(
    data.interventions.flatMap((i) => [i.person, ...i.participants]).map((p) => [p.id, p]),
  );

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('caseInterventions.interventions.heading')}</h3>
      {persons.size > 1 && (
        <FilterSelect
          label={t('caseInterventions.participants.filter')}
          all={t('caseInterventions.participants.filterAll')}
          value={personId}
          onChange={setPersonId}
          options={[...persons.values()].map((p) => ({
            value: p.id,
            label: t('caseInterventions.common.personOption', {
              name: p.name,
              role: t(`cases.personRoles.${p.role}`),
            }),
          }))}
        />
      )}
      {personId && interventions.length === 0 ? (
        <p>{t('caseInterventions.participants.filterEmpty')}</p>
      ) : interventions.length === 0 ? (
        <p>
          {full
            ? t('caseInterventions.interventions.empty')
            : t('caseInterventions.interventions.emptyLimited')}
        </p>
      ) : (
        <InterventionTable interventions={interventions} reference={detail.reference} />
      )}
      {interventions.map((intervention) => (
        <InterventionItem
          key={intervention.id}
          detail={detail}
          data={data}
          intervention={intervention}
          canManage={canManage}
          canLog={canLog}
          consentsAnchor={consentsAnchor}
        />
      ))}
      {canManage && <CreateInterventionForm detail={detail} data={data} />}
    </section>
  );
}
