import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import type { CaseIntervention } from './interventionsApi';
import { typeLegalBasis, typeName } from './shared';
import { CompactTable } from '../../ui/Table';

/** The interventions of the case in a table, each linking to its details further down. */

export function Period({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  const { t } = useTranslation();
  if (!startsOn && !endsOn) return <>{t('caseInterventions.interventions.noPeriod')}</>;
  return (
    <>
      {startsOn ? formatDate(startsOn) : t('caseInterventions.interventions.openDate')}
      {' – '}
      {endsOn ? formatDate(endsOn) : t('caseInterventions.interventions.openDate')}
    </>
  );
}

export function ProviderText({ intervention }: { intervention: CaseIntervention }) {
  const { t } = useTranslation();
  if (intervention.provider) return <>{intervention.provider.name}</>;
  if (intervention.providerName) {
    return (
      <>{t('caseInterventions.interventions.external', { name: intervention.providerName })}</>
    );
  }
  return <>{t('caseInterventions.interventions.noProvider')}</>;
}

export function InterventionTable({
  interventions,
  reference,
}: {
  interventions: CaseIntervention[];
  reference: string;
}) {
  const { t } = useTranslation();
  return (
    <CompactTable
      className="case-table"
      caption={t('caseInterventions.interventions.caption', { reference })}
      columns={[
        t('caseInterventions.interventions.columns.person'),
        t('caseInterventions.interventions.columns.type'),
        t('caseInterventions.interventions.columns.level'),
        t('caseInterventions.interventions.columns.legalBasis'),
        t('caseInterventions.interventions.columns.provider'),
        t('caseInterventions.interventions.columns.status'),
        t('caseInterventions.interventions.columns.period'),
      ]}
    >
      {interventions.map((i) => (
        <tr key={i.id}>
          <td>
            {i.person.name}
            <br />
            <span className="form-hint">{t(`cases.personRoles.${i.person.role}`)}</span>
            {i.form === 'group' && (
              <>
                <br />
                {t('caseInterventions.participants.inList', {
                  names: i.participants.map((p) => p.name).join(', '),
                })}
              </>
            )}
          </td>
          <td>
            <a href={`#intervention-${i.id}`}>{typeName(t, i.type)}</a>
          </td>
          <td>{t(`caseInterventions.levels.${i.type.level}`)}</td>
          <td>
            {typeLegalBasis(t, i.type)}
            {i.type.consentRequired && (
              <>
                <br />
                <span className="form-hint">
                  {t('caseInterventions.interventions.consentRequired')}
                </span>
              </>
            )}
          </td>
          <td>
            <ProviderText intervention={i} />
          </td>
          <td>
            <span className="badge badge-info case-badge">
              {t(`caseInterventions.statuses.${i.status}`)}
            </span>
          </td>
          <td>
            <Period startsOn={i.startsOn} endsOn={i.endsOn} />
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}
