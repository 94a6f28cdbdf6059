import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetail } from './casesApi';
import { formatDate } from './format';
import { CompactTable } from '../../ui/Table';

/** A button in a row that opens a change of that row ("Fjern"), named for the row. */
function RowAction({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <td>
      <button type="button" className="button button-tertiary" aria-label={label} onClick={onClick}>
        {t('cases.persons.remove')}
      </button>
    </td>
  );
}

/**
 * The persons of a case, each name a link to the person's page; with `onRemove` (the case's
 * abilities allow it) a "Fjern" button for everyone but the citizen the case is about.
 */
export function CasePersonsTable({
  persons,
  reference,
  onRemove,
}: {
  persons: CaseDetail['persons'];
  reference: string;
  onRemove?: (person: CaseDetail['persons'][number]) => void;
}) {
  const { t } = useTranslation();
  const columns = [
    t('cases.persons.nameColumn'),
    t('cases.persons.birthDateColumn'),
    t('cases.persons.roleColumn'),
  ];
  return (
    <CompactTable
      className="case-table"
      caption={t('cases.persons.caption', { reference })}
      columns={onRemove ? [...columns, t('cases.persons.actionsColumn')] : columns}
    >
      {persons.map((person) => (
        <tr key={person.id}>
          <td>
            <Link to={`/personer/${person.id}`}>{person.name}</Link>
          </td>
          <td>{person.birthDate ? formatDate(person.birthDate) : t('cases.common.notGiven')}</td>
          <td>
            {t(`cases.personRoles.${person.role}`)}
            {person.custodyHolder && <> – {t('cases.custody.holder')}</>}
          </td>
          {onRemove &&
            (person.role === 'citizen' ? (
              <td />
            ) : (
              <RowAction
                label={t('cases.persons.removeFor', { name: person.name })}
                onClick={() => onRemove(person)}
              />
            ))}
        </tr>
      ))}
    </CompactTable>
  );
}

/** Who works on the case: name, role in the case, scope of access and unit (and "Fjern"). */
export function CaseMembersTable({
  members,
  reference,
  onRemove,
}: {
  members: CaseDetail['members'];
  reference: string;
  onRemove?: (member: CaseDetail['members'][number]) => void;
}) {
  const { t } = useTranslation();
  const columns = [
    t('cases.members.nameColumn'),
    t('cases.members.roleColumn'),
    t('cases.members.scopeColumn'),
    t('cases.members.unitColumn'),
  ];
  return (
    <CompactTable
      className="case-table"
      caption={t('cases.members.caption', { reference })}
      columns={onRemove ? [...columns, t('cases.persons.actionsColumn')] : columns}
    >
      {members.map((member) => (
        <tr key={member.userId}>
          <td>{member.displayName}</td>
          <td>{t(`cases.roles.${member.role}`)}</td>
          <td>{t(`cases.scopes.${member.scope}`)}</td>
          <td>{member.unitName ?? t('cases.common.notGiven')}</td>
          {onRemove && (
            <RowAction
              label={t('cases.members.removeFor', { name: member.displayName })}
              onClick={() => onRemove(member)}
            />
          )}
        </tr>
      ))}
    </CompactTable>
  );
}
