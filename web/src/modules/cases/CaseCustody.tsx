import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../app/api';
import { MutationFailure } from '../../ui/form';
import { useRefreshCase, type CaseDetail } from './casesApi';

type Person = CaseDetail['persons'][number];

/** Under 18 today (the 18th birthday is still to come). */
export function isChildToday(birthDate: string | null, today = new Date()): boolean {
  if (!birthDate) return false;
  const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return today.toISOString().slice(0, 10) < eighteenth;
}

/**
 * Custody (forældremyndighed) on a child's case: the hint when the child has no custody holder
 * recorded, and for the case's coordinators a button per parent that marks or unmarks them
 * (in the case's chronology).
 */
export function CaseCustody({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const mutation = useMutation({
    mutationFn: (person: Person) =>
      apiSend('POST', `/api/cases/${detail.id}/persons/${person.id}/custody`, {
        custodyHolder: !person.custodyHolder,
        version: detail.version,
      }),
    onSuccess: refresh,
  });
  const citizen = detail.persons.find((p) => p.role === 'citizen');
  if (!citizen || !isChildToday(citizen.birthDate)) return null;
  const parents = detail.persons.filter((p) => p.role === 'parent');
  const mayChange = detail.abilities.persons.write;
  return (
    <div className="case-custody">
      {!parents.some((p) => p.custodyHolder) && (
        <p className="form-hint">{t('cases.custody.missing', { name: citizen.name })}</p>
      )}
      <MutationFailure mutations={mutation} onReload={() => refresh()} />
      {mayChange && parents.length > 0 && (
        <ul className="nobullet-list">
          {parents.map((parent) => (
            <li key={parent.id}>
              <button
                type="button"
                className="button button-tertiary"
                disabled={mutation.isPending}
                onClick={() => mutation.mutate(parent)}
              >
                {t(parent.custodyHolder ? 'cases.custody.unmark' : 'cases.custody.mark', {
                  name: parent.name,
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
