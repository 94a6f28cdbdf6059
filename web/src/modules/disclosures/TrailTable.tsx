import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { formatDate, formatDateTime } from '../cases/format';
import type { TrailEntry } from './disclosuresApi';

/**
 * The citizen's reads and disclosures in one table, newest first: when, what (a read or a
 * disclosure), who (role, unit, user), why (purpose), on what legal basis, and for a disclosure
 * the recipient and what was given.
 */
export function TrailTable({ items, names }: { items: TrailEntry[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  const none = t('disclosures.list.none');
  return (
    <CompactTable
      className="citizen-trail-table"
      caption={t('disclosures.trail.caption')}
      columns={[
        t('disclosures.trail.when'),
        t('disclosures.trail.what'),
        t('disclosures.trail.who'),
        t('disclosures.trail.purpose'),
        t('disclosures.trail.legalBasis'),
        t('disclosures.trail.recipient'),
      ]}
    >
      {items.map((e) => (
        <tr key={e.key} data-kind={e.kind}>
          <td>{e.disclosure ? formatDate(e.disclosure.disclosedOn) : formatDateTime(e.at)}</td>
          <td>
            {e.kind === 'disclosure'
              ? t('disclosures.trail.disclosure')
              : t(`persons.actions.${e.action}`, { defaultValue: e.action })}
            {e.breakGlass && (
              <>
                <br />
                <strong>{t('disclosures.readLog.breakGlass')}</strong>
              </>
            )}
            {names.size > 1 && (
              <>
                <br />
                <span className="form-hint">{names.get(e.personId) ?? none}</span>
              </>
            )}
          </td>
          <td>
            {e.role ? t(`admin.roles.${e.role}`, { defaultValue: e.role }) : null}
            {e.unitName && (
              <>
                {e.role && ', '}
                {e.unitName}
              </>
            )}
            {(e.role ?? e.unitName) && <br />}
            {e.userName ?? none}
            {e.disclosure && (
              <>
                <br />
                <span className="form-hint">
                  {t('disclosures.trail.decidedBy', { decidedBy: e.disclosure.decidedBy })}
                </span>
              </>
            )}
          </td>
          <td>
            {e.kind === 'read' && e.purpose
              ? t(`persons.purposes.${e.purpose}`, { defaultValue: e.purpose })
              : (e.purpose ?? none)}
          </td>
          <td>{e.legalBasis ?? none}</td>
          <td>
            {e.disclosure ? (
              <>
                {e.disclosure.recipientOrganisation}
                {e.disclosure.recipientPerson && `, ${e.disclosure.recipientPerson}`}
                <br />
                <span className="form-hint">
                  {t(`sharing.organisationKinds.${e.disclosure.recipientKind}`)}
                  {' · '}
                  {e.disclosure.categories.map((c) => t(`sharing.dataCategories.${c}`)).join(', ')}
                  {' · '}
                  {t(`disclosures.channels.${e.disclosure.channel}`)}
                  {e.disclosure.caseReference && ` · ${e.disclosure.caseReference}`}
                </span>
              </>
            ) : (
              none
            )}
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}
