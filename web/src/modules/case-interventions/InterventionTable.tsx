import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import type { CaseIntervention } from './interventionsApi';
import { typeLegalBasis, typeName } from './shared';

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
    <div className="table--responsive-scroll">
      <table className="table table--compact case-table">
        <caption className="sr-only">
          {t('caseInterventions.interventions.caption', { reference })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('caseInterventions.interventions.columns.person')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.type')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.level')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.legalBasis')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.provider')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.status')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.period')}</th>
          </tr>
        </thead>
        <tbody>
          {interventions.map((i) => (
            <tr key={i.id}>
              <td>
                {i.person.name}
                <br />
                <span className="form-hint">{t(`cases.personRoles.${i.person.role}`)}</span>
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
        </tbody>
      </table>
    </div>
  );
}
