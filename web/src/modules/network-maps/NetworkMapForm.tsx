import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DateInput,
  Form,
  MutationFailure,
  Select,
  SuccessMessage,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import {
  CLOSENESS_LEVELS,
  NETWORK_MAP_LIMITS,
  NETWORK_SECTORS,
  NetworkMapBody,
  RELATION_QUALITIES,
  finaliseNetworkMap,
  networkMapsKey,
  saveNetworkMap,
  type NetworkMap,
} from './networkMapsApi';

/** The form holds the body without its version (kept apart, moved on by each save). */
const MapValues = NetworkMapBody.omit({ version: true });

/**
 * The draft's relations (the one form layer, checked with the server's `NetworkMapBody`): each
 * relation's sector, role (never a name with a CPR number), closeness, quality, note and — for a
 * party to the case only — the linked person. "Gem kladde" saves; "Afslut version" saves and
 * finalises (read-only from then on). The server's problems land on their fields.
 */
export function NetworkMapForm({
  caseId,
  draft,
  persons,
  onReload,
}: {
  caseId: string;
  draft: NetworkMap;
  /** The case's persons, the only ones a relation may be linked to. */
  persons: { id: string; name: string }[];
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(draft.version);
  const [saved, setSaved] = useState(false);
  const form = useZodForm(MapValues, {
    defaultValues: {
      drawnOn: draft.drawnOn,
      occasion: draft.occasion,
      relations: (draft.relations ?? []).map(({ personName: _name, ...r }) => r),
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'relations' });
  const mutation = useMutation({
    mutationFn: async ({
      values,
      finalise,
    }: {
      values: typeof MapValues._output;
      finalise: boolean;
    }) => {
      const result = await saveNetworkMap(caseId, draft.id, { ...values, version });
      setVersion(result.map.version);
      if (!finalise) return result.map;
      return (await finaliseNetworkMap(caseId, draft.id, result.map.version)).map;
    },
    onMutate: () => setSaved(false),
    onSuccess: async (_map, { finalise }) => {
      await queryClient.invalidateQueries({ queryKey: networkMapsKey(caseId) });
      if (!finalise) setSaved(true);
    },
  });
  // Which button submitted the form.
  const finalising = useRef(false);

  return (
    <Form
      id="network-map"
      form={form}
      className="network-map-form"
      onSubmit={(values) => mutation.mutateAsync({ values, finalise: finalising.current })}
      error={mutation.error}
      errorTitle={t('networkMaps.form.saveError')}
    >
      <MutationFailure
        mutations={mutation}
        text={t('networkMaps.form.stale')}
        reloadLabel={t('networkMaps.form.reload')}
        headingLevel="h3"
        onReload={() => onReload()}
      />
      {saved && <SuccessMessage>{t('networkMaps.form.saved')}</SuccessMessage>}
      <DateInput name="drawnOn" label={t('networkMaps.form.drawnOn')} required />
      <TextInput
        name="occasion"
        label={t('networkMaps.form.occasion')}
        hint={t('networkMaps.form.occasionHint')}
        empty="null"
        maxLength={NETWORK_MAP_LIMITS.occasion}
      />
      <fieldset className="network-relations">
        <legend className="form-label">{t('networkMaps.form.relations')}</legend>
        <span className="form-hint">{t('networkMaps.form.relationsHint')}</span>
        {fields.map((field, i) => (
          <fieldset key={field.id} className="network-relation">
            <legend>{t('networkMaps.form.relation', { number: i + 1 })}</legend>
            <Select name={`relations.${i}.sector`} label={t('networkMaps.list.sector')}>
              {NETWORK_SECTORS.map((s) => (
                <option key={s} value={s}>
                  {t(`networkMaps.sector.${s}`)}
                </option>
              ))}
            </Select>
            <TextInput
              name={`relations.${i}.label`}
              label={t('networkMaps.list.role')}
              hint={t('networkMaps.form.roleHint')}
              maxLength={NETWORK_MAP_LIMITS.label}
            />
            <Select
              name={`relations.${i}.closeness`}
              label={t('networkMaps.list.closeness')}
              asNumber
            >
              {CLOSENESS_LEVELS.map((c) => (
                <option key={c} value={c}>
                  {t(`networkMaps.closeness.${c}`)}
                </option>
              ))}
            </Select>
            <Select name={`relations.${i}.quality`} label={t('networkMaps.list.quality')}>
              {RELATION_QUALITIES.map((q) => (
                <option key={q} value={q}>
                  {t(`networkMaps.quality.${q}`)}
                </option>
              ))}
            </Select>
            <Select
              name={`relations.${i}.personId`}
              label={t('networkMaps.form.person')}
              hint={t('networkMaps.form.personHint')}
              empty="null"
            >
              <option value="">{t('networkMaps.form.noPerson')}</option>
              {persons.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
            <TextArea
              name={`relations.${i}.note`}
              label={t('networkMaps.list.note')}
              empty="null"
              maxLength={NETWORK_MAP_LIMITS.note}
              rows={2}
            />
            <button type="button" className="button button-tertiary" onClick={() => remove(i)}>
              {t('networkMaps.form.remove', { number: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            append(
              {
                key: crypto.randomUUID(),
                sector: 'family',
                label: '',
                closeness: 2,
                quality: 'protective',
                note: null,
                personId: null,
              },
              { shouldFocus: false },
            )
          }
        >
          {t('networkMaps.form.add')}
        </button>
      </fieldset>
      <div className="network-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          onClick={() => {
            finalising.current = false;
          }}
        >
          {t('networkMaps.form.save')}
        </button>
        <button
          type="submit"
          className="button button-secondary"
          disabled={mutation.isPending}
          onClick={() => {
            finalising.current = true;
          }}
        >
          {t('networkMaps.form.finalise')}
        </button>
      </div>
      <p className="form-hint">{t('networkMaps.form.finaliseHint')}</p>
    </Form>
  );
}
