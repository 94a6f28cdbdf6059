import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusAfterSave } from '../../ui/form';
import { AddPersonForm } from './AddPersonForm';
import { CaseAddToggle } from './CaseAddToggle';
import { CaseCustody } from './CaseCustody';
import { CasePersonsTable } from './CasePeople';
import type { CaseDetail } from './casesApi';
import { RemovePersonDialog } from './RemovePersonDialog';

/**
 * "Personer i sagen": the case's persons, and for those the case's abilities allow
 * (`abilities.persons.write`: its coordinators, while it is open) "Tilføj person" and "Fjern".
 */
export function CasePersonsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [removing, setRemoving] = useState<CaseDetail['persons'][number] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mayChange = detail.abilities.persons.write;

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('cases.persons.heading')}</h2>
      {detail.persons.length === 0 ? (
        <p>{t('cases.persons.empty')}</p>
      ) : (
        <CasePersonsTable
          persons={detail.persons}
          reference={detail.reference}
          onRemove={mayChange ? setRemoving : undefined}
        />
      )}
      <CaseCustody detail={detail} />
      {saved && (
        <p role="status" className="case-person-saved">
          {saved}
        </p>
      )}
      {mayChange && (
        <CaseAddToggle
          detail={detail}
          label={t('cases.persons.add')}
          form={AddPersonForm}
          onOpen={() => setSaved(null)}
          onAdded={(name) => {
            setSaved(t('cases.persons.added', { name }));
            focusAfterSave(headingId);
          }}
        />
      )}
      {mayChange && (
        <RemovePersonDialog
          detail={detail}
          person={removing}
          onClose={(removed) => {
            if (removed && removing) {
              setSaved(t('cases.persons.removed', { name: removing.name }));
              focusAfterSave(headingId);
            }
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}
