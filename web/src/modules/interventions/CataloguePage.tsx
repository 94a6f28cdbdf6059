import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateInterventionType,
  InterventionType,
  LoadStandardResult,
  UpdateInterventionType,
} from '../../../../server/modules/interventions/schema.ts';
import { ApiError, apiGet, apiSend } from '../../app/api';
import type { da } from '../../app/i18n/catalogues';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import { CheckboxField } from '../admin/AdminFields';
import { Select, SuccessMessage } from '../../ui/fields';
import { StaleNotice } from '../../ui/StaleNotice';

const LEVELS = ['building', 'anticipating', 'intervening'] as const;
const AGE_GROUPS = ['under_18', 'adult', 'all'] as const;
type Level = (typeof LEVELS)[number];
type AgeGroup = (typeof AGE_GROUPS)[number];

interface Filter {
  level: Level | '';
  ageGroup: AgeGroup | '';
  active: 'true' | 'false' | '';
}

const CATALOGUE_KEY = ['intervention-types'] as const;

function useCatalogue(filter: Filter) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, filter],
    queryFn: ({ signal }) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(filter)) if (value) search.set(key, value);
      const text = search.toString();
      return apiGet<{ items: InterventionType[] }>(
        `/api/intervention-types${text ? `?${text}` : ''}`,
        { signal },
      );
    },
    select: (data) => data.items,
  });
}

function useUnits(municipalityCode: string | undefined) {
  return useQuery({
    queryKey: ['municipality-units', municipalityCode ?? ''],
    enabled: Boolean(municipalityCode),
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: string; name: string }[] }>(
        `/api/municipalities/${encodeURIComponent(municipalityCode ?? '')}/units`,
        { signal },
      ),
    select: (data) => data.items,
  });
}

/**
 * "Indsatskatalog": the municipality's interventions catalogue, grouped by the level of the
 * prevention triangle, with filters; those who manage it add and change offers, and load the
 * standard catalogue into an empty one.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  usePageTitle(`${t('interventions.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const session = useSession().data;
  const mayManage = session?.abilities?.catalogue.manage ?? false;
  const [filter, setFilter] = useState<Filter>({ level: '', ageGroup: '', active: '' });
  const types = useCatalogue(filter);
  const [editing, setEditing] = useState<InterventionType | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const unfiltered = !filter.level && !filter.ageGroup && !filter.active;

  if (!session?.abilities?.catalogue.read) {
    return <p className="font-lead">{t('admin.denied')}</p>;
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('interventions.title')}</h2>
      <p>{t('interventions.intro')}</p>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {editing && (
        <TypeForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          type={editing === 'new' ? null : editing}
          municipalityCode={session.user?.municipality?.code}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setMessage(t('interventions.form.saved', { name: saved.name }));
          }}
          onReload={async () => {
            if (editing === 'new') return;
            const fresh = (await types.refetch()).data?.find((i) => i.id === editing.id);
            setEditing(fresh ?? null);
          }}
        />
      )}
      {mayManage && !editing && (
        <button
          type="button"
          className="button button-secondary mb-6"
          onClick={() => {
            setMessage(null);
            setEditing('new');
          }}
        >
          {t('interventions.form.createHeading')}
        </button>
      )}
      <Filters filter={filter} onChange={setFilter} />
      {types.isPending ? (
        <Loading label={t('interventions.loading')} />
      ) : types.isError ? (
        <ErrorAlert
          title={t('interventions.loadError')}
          error={types.error}
          onRetry={() => void types.refetch()}
        />
      ) : types.data.length === 0 ? (
        unfiltered ? (
          <EmptyCatalogue
            mayManage={mayManage}
            onLoaded={(n) => setMessage(t('interventions.standard.loaded', { count: n }))}
          />
        ) : (
          <p>{t('interventions.noMatch')}</p>
        )
      ) : (
        LEVELS.map((level) => {
          const items = types.data.filter((i) => i.level === level);
          if (items.length === 0) return null;
          return (
            <LevelTable
              key={level}
              level={level}
              items={items}
              mayManage={mayManage}
              onEdit={(type) => {
                setMessage(null);
                setEditing(type);
              }}
            />
          );
        })
      )}
    </section>
  );
}

function Filters({ filter, onChange }: { filter: Filter; onChange: (filter: Filter) => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin-filters">
      <Select
        id="catalogue-filter-level"
        label={t('interventions.fields.level')}
        value={filter.level}
        onChange={(e) => onChange({ ...filter, level: e.target.value as Level | '' })}
      >
        <option value="">{t('interventions.filter.any')}</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`interventions.levels.${l}`)}
          </option>
        ))}
      </Select>
      <Select
        id="catalogue-filter-age"
        label={t('interventions.fields.ageGroup')}
        value={filter.ageGroup}
        onChange={(e) => onChange({ ...filter, ageGroup: e.target.value as AgeGroup | '' })}
      >
        <option value="">{t('interventions.filter.any')}</option>
        {AGE_GROUPS.map((a) => (
          <option key={a} value={a}>
            {t(`interventions.ageGroups.${a}`)}
          </option>
        ))}
      </Select>
      <Select
        id="catalogue-filter-active"
        label={t('interventions.filter.status')}
        value={filter.active}
        onChange={(e) => onChange({ ...filter, active: e.target.value as Filter['active'] })}
      >
        <option value="">{t('interventions.filter.any')}</option>
        <option value="true">{t('interventions.filter.active')}</option>
        <option value="false">{t('interventions.filter.inactive')}</option>
      </Select>
    </div>
  );
}

function LevelTable({
  level,
  items,
  mayManage,
  onEdit,
}: {
  level: Level;
  items: InterventionType[];
  mayManage: boolean;
  onEdit: (type: InterventionType) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId}>{t(`interventions.levels.${level}`)}</h3>
      <p className="form-hint">{t(`interventions.levelHints.${level}`)}</p>
      <table className="table table--compact admin-table">
        <caption className="sr-only">{t(`interventions.levels.${level}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('interventions.fields.name')}</th>
            <th scope="col">{t('interventions.fields.ageGroup')}</th>
            <th scope="col">{t('interventions.fields.legalBasis')}</th>
            <th scope="col">{t('interventions.fields.responsibleUnit')}</th>
            <th scope="col">{t('interventions.columns.notes')}</th>
            {mayManage && <th scope="col">{t('interventions.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((type) => (
            <tr key={type.id}>
              <td>
                {type.name}
                {type.description && <div className="form-hint">{type.description}</div>}
              </td>
              <td>{t(`interventions.ageGroups.${type.ageGroup}`)}</td>
              <td>{type.legalBasis ?? '–'}</td>
              <td>{type.responsibleUnitName ?? '–'}</td>
              <td>
                {[
                  type.consentRequired && t('interventions.notes.consent'),
                  type.tailored && t('interventions.notes.tailored'),
                  type.revealsConcern && t('interventions.notes.revealsConcern'),
                  !type.active && t('interventions.notes.inactive'),
                ]
                  .filter(Boolean)
                  .join(', ') || '–'}
              </td>
              {mayManage && (
                <td>
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={t('interventions.form.edit', { name: type.name })}
                    onClick={() => onEdit(type)}
                  >
                    {t('interventions.form.editShort')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function EmptyCatalogue({
  mayManage,
  onLoaded,
}: {
  mayManage: boolean;
  onLoaded: (count: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      apiSend<LoadStandardResult>('POST', '/api/intervention-types/load-standard', {}),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
      onLoaded(result.created);
    },
  });
  return (
    <>
      <p>{t('interventions.empty')}</p>
      {mayManage && (
        <>
          {mutation.error ? (
            <ErrorAlert title={t('interventions.standard.failed')} error={mutation.error} />
          ) : null}
          <p>{t('interventions.standard.hint')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {t('interventions.standard.load')}
          </button>
        </>
      )}
    </>
  );
}

interface FormState {
  code: string;
  name: string;
  description: string;
  level: Level | '';
  ageGroup: AgeGroup | '';
  legalBasis: string;
  consentRequired: boolean;
  tailored: boolean;
  revealsConcern: boolean;
  responsibleUnitId: string;
  active: boolean;
}

function initial(type: InterventionType | null): FormState {
  return {
    code: type?.code ?? '',
    name: type?.name ?? '',
    description: type?.description ?? '',
    level: type?.level ?? '',
    ageGroup: type?.ageGroup ?? '',
    legalBasis: type?.legalBasis ?? '',
    consentRequired: type?.consentRequired ?? false,
    tailored: type?.tailored ?? false,
    revealsConcern: type?.revealsConcern ?? false,
    responsibleUnitId: type?.responsibleUnitId ?? '',
    active: type?.active ?? true,
  };
}

function TypeForm({
  type,
  municipalityCode,
  onDone,
  onReload,
}: {
  type: InterventionType | null;
  municipalityCode: string | undefined;
  onDone: (saved: InterventionType | null) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const units = useUnits(municipalityCode);
  const [form, setForm] = useState<FormState>(() => initial(type));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const mutation = useMutation({
    mutationFn: async () => {
      const common = {
        name: form.name,
        description: form.description.trim() ? form.description : null,
        legalBasis: form.legalBasis.trim() ? form.legalBasis : null,
        consentRequired: form.consentRequired,
        tailored: form.tailored,
        revealsConcern: form.revealsConcern,
        responsibleUnitId: form.responsibleUnitId || null,
      };
      try {
        if (type) {
          const body: UpdateInterventionType = {
            ...common,
            version: type.version,
            active: form.active,
            ...(form.level && { level: form.level }),
            ...(form.ageGroup && { ageGroup: form.ageGroup }),
          };
          return await apiSend<InterventionType>(
            'PATCH',
            `/api/intervention-types/${encodeURIComponent(type.id)}`,
            body,
          );
        }
        const body = {
          ...common,
          code: form.code,
          level: form.level,
          ageGroup: form.ageGroup,
        } as CreateInterventionType;
        return await apiSend<InterventionType>('POST', '/api/intervention-types', body);
      } catch (error) {
        // The server names a taken code; the text is the catalogue's own.
        if (error instanceof ApiError) {
          for (const f of error.fields) {
            if (f.code === 'intervention_code_taken') f.message = t('interventions.form.codeTaken');
          }
        }
        throw error;
      }
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
      onDone(saved);
    },
  });
  useEffect(() => document.getElementById('catalogue-name')?.focus(), []);
  type FieldName = keyof typeof da.interventions.fields;
  const label = (field: FieldName) => t(`interventions.fields.${field}`);
  const fields: FormField[] = [
    { name: 'body.code', id: 'catalogue-code', label: label('code') },
    { name: 'body.name', id: 'catalogue-name', label: label('name') },
    { name: 'body.description', id: 'catalogue-description', label: label('description') },
    { name: 'body.level', id: 'catalogue-level', label: label('level') },
    { name: 'body.ageGroup', id: 'catalogue-age', label: label('ageGroup') },
    { name: 'body.legalBasis', id: 'catalogue-legal', label: label('legalBasis') },
    { name: 'body.responsibleUnitId', id: 'catalogue-unit', label: label('responsibleUnit') },
    { name: 'body.revealsConcern', id: 'catalogue-concern', label: label('revealsConcern') },
  ];
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  };
  return (
    <section aria-labelledby={headingId} className="mb-7">
      <h3 id={headingId}>
        {type
          ? t('interventions.form.editHeading', { name: type.name })
          : t('interventions.form.createHeading')}
      </h3>
      {type && mutation.error instanceof ApiError && mutation.error.code === 'conflict' ? (
        <StaleNotice onReload={() => void onReload()} />
      ) : (
        <FormError
          error={mutation.error}
          fields={fields}
          title={t('interventions.form.failedTitle')}
        />
      )}
      <form noValidate onSubmit={submit}>
        {!type && (
          <TextField
            id="catalogue-code"
            label={label('code')}
            hint={t('interventions.form.codeHint')}
            error={errors['body.code']}
            widthClass="input-width-m"
            required
            value={form.code}
            onChange={(e) => set('code', e.target.value)}
          />
        )}
        <TextField
          id="catalogue-name"
          label={label('name')}
          error={errors['body.name']}
          widthClass="input-width-xl"
          required
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextField
          id="catalogue-description"
          label={label('description')}
          error={errors['body.description']}
          widthClass="input-width-xl"
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
        />
        <Select
          id="catalogue-level"
          label={label('level')}
          error={errors['body.level']}
          value={form.level}
          onChange={(e) => set('level', e.target.value as Level | '')}
        >
          <option value="">{t('interventions.form.choose')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`interventions.levels.${l}`)}
            </option>
          ))}
        </Select>
        <Select
          id="catalogue-age"
          label={label('ageGroup')}
          error={errors['body.ageGroup']}
          value={form.ageGroup}
          onChange={(e) => set('ageGroup', e.target.value as AgeGroup | '')}
        >
          <option value="">{t('interventions.form.choose')}</option>
          {AGE_GROUPS.map((a) => (
            <option key={a} value={a}>
              {t(`interventions.ageGroups.${a}`)}
            </option>
          ))}
        </Select>
        <TextField
          id="catalogue-legal"
          label={label('legalBasis')}
          hint={t('interventions.form.legalBasisHint')}
          error={errors['body.legalBasis']}
          widthClass="input-width-l"
          value={form.legalBasis}
          onChange={(e) => set('legalBasis', e.target.value)}
        />
        <Select
          id="catalogue-unit"
          label={label('responsibleUnit')}
          error={errors['body.responsibleUnitId']}
          value={form.responsibleUnitId}
          onChange={(e) => set('responsibleUnitId', e.target.value)}
        >
          <option value="">{t('interventions.form.noUnit')}</option>
          {(units.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <CheckboxField
          id="catalogue-consent"
          legend={label('consentRequired')}
          label={t('interventions.form.consentLabel')}
          checked={form.consentRequired}
          onChange={(e) => set('consentRequired', e.target.checked)}
        />
        <CheckboxField
          id="catalogue-tailored"
          legend={label('tailored')}
          label={t('interventions.form.tailoredLabel')}
          checked={form.tailored}
          onChange={(e) => set('tailored', e.target.checked)}
        />
        <CheckboxField
          id="catalogue-concern"
          legend={label('revealsConcern')}
          label={t('interventions.form.revealsConcernLabel')}
          hint={t('interventions.form.revealsConcernHint')}
          error={errors['body.revealsConcern']}
          checked={form.revealsConcern}
          onChange={(e) => set('revealsConcern', e.target.checked)}
        />
        {type && (
          <CheckboxField
            id="catalogue-active"
            legend={label('active')}
            label={t('interventions.form.activeLabel')}
            checked={form.active}
            onChange={(e) => set('active', e.target.checked)}
          />
        )}
        <div className="admin-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('interventions.form.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('interventions.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
