import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from './casesApi';
import { formatDate } from './format';
import { CompactTable } from '../../ui/Table';

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
    <CompactTable
      className="case-table"
      caption={t('cases.persons.caption', { reference })}
      columns={[
        t('cases.persons.nameColumn'),
        t('cases.persons.birthDateColumn'),
        t('cases.persons.roleColumn'),
      ]}
    >
      {persons.map((person) => (
        <tr key={person.id}>
          <td>
            <Link to={`/personer/${person.id}`}>{person.name}</Link>
          </td>
          <td>{person.birthDate ? formatDate(person.birthDate) : t('cases.common.notGiven')}</td>
          <td>{t(`cases.personRoles.${person.role}`)}</td>
        </tr>
      ))}
    </CompactTable>
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
    <CompactTable
      className="case-table"
      caption={t('cases.members.caption', { reference })}
      columns={[
        t('cases.members.nameColumn'),
        t('cases.members.roleColumn'),
        t('cases.members.scopeColumn'),
        t('cases.members.unitColumn'),
      ]}
    >
      {members.map((member) => (
        <tr key={member.userId}>
          <td>{member.displayName}</td>
          <td>{t(`cases.roles.${member.role}`)}</td>
          <td>{t(`cases.scopes.${member.scope}`)}</td>
          <td>{member.unitName ?? t('cases.common.notGiven')}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
