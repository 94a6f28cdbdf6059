import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { focusAfterSave, MutationFailure, RadioGroup, TextArea, TextInput } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import type { FailingChange } from '../../ui/MutationFailure';
import type { CaseDetail } from '../cases/casesApi';
import { useRefreshCase } from '../cases/casesApi';
import {
  updateIntervention,
  type CaseIntervention,
  type CaseInterventions,
} from './interventionsApi';
import type { ProviderKind } from './interventionValues';

/**
 * What the tab's forms share: the stale-edit notice, the choice of person and of provider, the
 * save of a change to an intervention.
 */

/** A change to an intervention (its status or provider); the version is the one shown. */
export type InterventionChange = Omit<Parameters<typeof updateIntervention>[2], 'version'>;

/**
 * Saves a change to the intervention against the version shown: then `onSaved`, the case is
 * fetched again and focus goes to the intervention's heading.
 */
export function useInterventionChange(
  detail: CaseDetail,
  intervention: CaseIntervention,
  headingId: string,
  onSaved: () => void,
) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (change: InterventionChange) =>
      updateIntervention(detail.id, intervention.id, { version: intervention.version, ...change }),
    onSuccess: async () => {
      onSaved();
      await refresh();
      focusAfterSave(headingId);
    },
  });
}

/** The one stale-edit notice (a 409): fetches the case again to start from the latest version. */
export function ChangeStale({ mutation }: { mutation: FailingChange }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  return (
    <MutationFailure
      mutations={mutation}
      text={t('caseInterventions.common.stale')}
      reloadLabel={t('caseInterventions.common.reload')}
      onReload={() => refresh()}
    />
  );
}

/** One of the case's persons (`personId`). */
export function PersonSelect({
  persons,
  label,
}: {
  persons: CaseDetail['persons'];
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <OptionSelect
      name="personId"
      label={label}
      none={t('caseInterventions.common.choose')}
      options={persons.map((p) => ({
        value: p.id,
        label: t('caseInterventions.common.personOption', {
          name: p.name,
          role: t(`cases.personRoles.${p.role}`),
        }),
      }))}
    />
  );
}

/**
 * Who provides the intervention (`providerKind`): a user of the municipality
 * (`providerUserId`), an external name (`providerName`) or, when creating, chosen later.
 */
export function ProviderFields({
  providers,
  kinds,
}: {
  providers: CaseInterventions['providers'];
  kinds: ProviderKind[];
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup<ProviderKind>
      name="providerKind"
      label={t('caseInterventions.create.provider')}
      options={kinds.map((kind) => ({
        value: kind,
        label: t(`caseInterventions.create.providerKinds.${kind}`),
      }))}
      detail={(kind) =>
        kind === 'user' ? (
          <OptionSelect
            name="providerUserId"
            label={t('caseInterventions.create.providerUser')}
            hint={t('caseInterventions.create.providerUserHint')}
            none={t('caseInterventions.common.choose')}
            options={providers.map((p) => ({ value: p.id, label: p.displayName }))}
          />
        ) : kind === 'external' ? (
          <TextInput
            name="providerName"
            label={t('caseInterventions.create.providerName')}
            maxLength={200}
          />
        ) : null
      }
    />
  );
}

/** An offer's optional note (`note`): with the first offer and with the answer. */
export function OfferNote() {
  const { t } = useTranslation();
  return (
    <TextArea
      name="note"
      label={t('caseInterventions.offers.noteOptional')}
      rows={2}
      maxLength={2000}
    />
  );
}
