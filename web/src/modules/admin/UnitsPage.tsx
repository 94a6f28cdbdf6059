import { isStale } from '../../app/api';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import { Select, SuccessMessage } from '../../ui/fields';
import {
  UNIT_KINDS,
  createUnit,
  renameUnit,
  useAdminUnits,
  useInvalidateAdmin,
  type AdminUnit,
  type UnitKind,
} from './adminApi';
import { StaleNotice } from '../../ui/StaleNotice';

/** "Enheder": the municipality's units; create one, or rename one. */
export function UnitsPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.units.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const units = useAdminUnits();
  const [renaming, setRenaming] = useState<AdminUnit | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.units.title')}</h2>
      <p>{t('admin.units.intro')}</p>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {renaming && (
        <RenameForm
          key={`${renaming.id}-${renaming.version}`}
          unit={renaming}
          onDone={(unit) => {
            setRenaming(null);
            if (unit) setMessage(t('admin.units.renamed', { name: unit.name }));
          }}
          onReload={async () => {
            const fresh = (await units.refetch()).data?.find((u) => u.id === renaming.id);
            setRenaming(fresh ?? null);
          }}
        />
      )}
      {units.isPending ? (
        <Loading label={t('admin.units.loading')} />
      ) : units.isError ? (
        <ErrorAlert
          title={t('admin.units.loadError')}
          error={units.error}
          onRetry={() => void units.refetch()}
        />
      ) : units.data.length === 0 ? (
        <p>{t('admin.units.empty')}</p>
      ) : (
        <table className="table table--compact admin-table">
          <caption className="sr-only">{t('admin.units.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.units.nameColumn')}</th>
              <th scope="col">{t('admin.units.kindColumn')}</th>
              <th scope="col">{t('admin.units.actionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {units.data.map((unit) => (
              <tr key={unit.id}>
                <td>{unit.name}</td>
                <td>{t(`unitKinds.${unit.kind}`)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={t('admin.units.rename', { name: unit.name })}
                    onClick={() => {
                      setMessage(null);
                      setRenaming(unit);
                    }}
                  >
                    {t('admin.units.renameShort')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateUnitForm
        onCreated={(unit) => setMessage(t('admin.units.created', { name: unit.name }))}
      />
    </section>
  );
}

function RenameForm({
  unit,
  onDone,
  onReload,
}: {
  unit: AdminUnit;
  onDone: (unit: AdminUnit | null) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidateAdmin();
  const [name, setName] = useState(unit.name);
  const mutation = useMutation({
    mutationFn: () => renameUnit(unit.id, { name, version: unit.version }),
    onSuccess: async (renamed) => {
      await invalidate('units');
      await invalidate('users');
      onDone(renamed);
    },
  });
  // Start in the field: the form appears where the user did not click.
  useEffect(() => document.getElementById('unit-rename-name')?.focus(), []);
  const fields: FormField[] = [
    { name: 'body.name', id: 'unit-rename-name', label: t('admin.units.name') },
  ];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  };
  return (
    <section aria-labelledby={headingId} className="mb-7">
      <h3 id={headingId}>{t('admin.units.renameHeading', { name: unit.name })}</h3>
      {isStale(mutation.error) ? (
        <StaleNotice onReload={() => void onReload()} />
      ) : (
        <FormError
          error={mutation.error}
          fields={fields}
          title={t('admin.units.renameFailedTitle')}
        />
      )}
      <form noValidate onSubmit={submit}>
        <TextField
          id="unit-rename-name"
          label={t('admin.units.name')}
          error={fieldErrors(mutation.error)['body.name']}
          widthClass="input-width-l"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="admin-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('admin.common.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('admin.common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function CreateUnitForm({ onCreated }: { onCreated: (unit: AdminUnit) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidateAdmin();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind | ''>('');
  const mutation = useMutation({
    mutationFn: () => createUnit({ name, kind: kind as UnitKind }),
    onSuccess: async (unit) => {
      setName('');
      setKind('');
      await invalidate('units');
      onCreated(unit);
    },
  });
  const fields: FormField[] = [
    { name: 'body.name', id: 'unit-name', label: t('admin.units.name') },
    { name: 'body.kind', id: 'unit-kind', label: t('admin.units.kind') },
  ];
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  };
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('admin.units.createHeading')}</h3>
      <FormError
        error={mutation.error}
        fields={fields}
        title={t('admin.units.createFailedTitle')}
      />
      <form noValidate onSubmit={submit}>
        <TextField
          id="unit-name"
          label={t('admin.units.name')}
          error={errors['body.name']}
          widthClass="input-width-l"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Select
          id="unit-kind"
          label={t('admin.units.kind')}
          error={errors['body.kind']}
          value={kind}
          onChange={(e) => setKind(e.target.value as UnitKind | '')}
        >
          <option value="">{t('admin.units.chooseKind')}</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`unitKinds.${k}`)}
            </option>
          ))}
        </Select>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('admin.units.submit')}
        </button>
      </form>
    </section>
  );
}
