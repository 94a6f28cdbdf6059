import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from './casesApi';
import { formatDate } from './format';

/** The persons of a case, each name a link to the person's page. */
export function CasePersonsTable({
  persons,
  reference,
}: {
  persons: CaseDetail['persons'];
  reference: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact case-table">
        <caption className="sr-only">{t('cases.persons.caption', { reference })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.persons.nameColumn')}</th>
            <th scope="col">{t('cases.persons.birthDateColumn')}</th>
            <th scope="col">{t('cases.persons.roleColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((person) => (
            <tr key={person.id}>
              <td>
                <Link to={`/personer/${person.id}`}>{person.name}</Link>
              </td>
              <td>
                {person.birthDate ? formatDate(person.birthDate) : t('cases.common.notGiven')}
              </td>
              <td>{t(`cases.personRoles.${person.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who works on the case: name, role in the case, scope of access and unit. */
export function CaseMembersTable({
  members,
  reference,
}: {
  members: CaseDetail['members'];
  reference: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact case-table">
        <caption className="sr-only">{t('cases.members.caption', { reference })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.members.nameColumn')}</th>
            <th scope="col">{t('cases.members.roleColumn')}</th>
            <th scope="col">{t('cases.members.scopeColumn')}</th>
            <th scope="col">{t('cases.members.unitColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>{member.displayName}</td>
              <td>{t(`cases.roles.${member.role}`)}</td>
              <td>{t(`cases.scopes.${member.scope}`)}</td>
              <td>{member.unitName ?? t('cases.common.notGiven')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
