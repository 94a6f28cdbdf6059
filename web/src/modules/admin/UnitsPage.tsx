import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateUnitBody, RenameUnitBody } from '../../../../server/modules/admin/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { CompactTable } from '../../ui/Table';
import { Form, MutationFailure, TextInput, focusAfterSave, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  UNIT_KINDS,
  createUnit,
  renameUnit,
  useAdminUnits,
  useInvalidateAdmin,
  type AdminUnit,
  type UnitKind,
} from './adminApi';

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
            // The form is gone: continue from the page's heading, above the message.
            focusAfterSave(headingId);
          }}
          onReload={async () => {
            const fresh = (await units.refetch()).data?.find((u) => u.id === renaming.id);
            setRenaming(fresh ?? null);
          }}
        />
      )}
      <QueryState
        query={units}
        loading={t('admin.units.loading')}
        loadError={t('admin.units.loadError')}
      >
        {(items) =>
          items.length === 0 ? (
            <p>{t('admin.units.empty')}</p>
          ) : (
            <CompactTable
              className="admin-table"
              caption={t('admin.units.caption')}
              columns={[
                t('admin.units.nameColumn'),
                t('admin.units.kindColumn'),
                t('admin.units.actionsColumn'),
              ]}
            >
              {items.map((unit) => (
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
            </CompactTable>
          )
        }
      </QueryState>
      <CreateUnitForm
        onCreated={(unit) => setMessage(t('admin.units.created', { name: unit.name }))}
      />
    </section>
  );
}

/** The rename form holds the name; the version it renames is the unit's. */
const NewUnitName = RenameUnitBody.omit({ version: true });

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
  const form = useZodForm(NewUnitName, { defaultValues: { name: unit.name } });
  const mutation = useMutation({
    mutationFn: (body: { name: string }) => renameUnit(unit.id, { ...body, version: unit.version }),
    onSuccess: async (renamed) => {
      await invalidate('units');
      await invalidate('users');
      onDone(renamed);
    },
  });
  // Start in the field: the form appears where the user did not click.
  useEffect(() => form.setFocus('name'), [form]);
  return (
    <section aria-labelledby={headingId} className="mb-7">
      <h3 id={headingId}>{t('admin.units.renameHeading', { name: unit.name })}</h3>
      <MutationFailure mutations={mutation} onReload={() => onReload()} />
      <Form
        id="unit-rename"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('admin.units.renameFailedTitle')}
      >
        <TextInput name="name" label={t('admin.units.name')} widthClass="input-width-l" required />
        <div className="admin-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('admin.common.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('admin.common.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** A new unit: its name and kind (the municipality is the administrator's own). */
const NewUnit = CreateUnitBody.omit({ municipalityCode: true });

function CreateUnitForm({ onCreated }: { onCreated: (unit: AdminUnit) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidateAdmin();
  const form = useZodForm(NewUnit, { defaultValues: { name: '', kind: '' as UnitKind } });
  const mutation = useMutation({
    mutationFn: createUnit,
    onSuccess: async (unit) => {
      form.reset();
      await invalidate('units');
      onCreated(unit);
    },
  });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('admin.units.createHeading')}</h3>
      <Form
        id="unit"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('admin.units.createFailedTitle')}
      >
        <TextInput name="name" label={t('admin.units.name')} widthClass="input-width-l" required />
        <OptionSelect
          name="kind"
          label={t('admin.units.kind')}
          none={t('admin.units.chooseKind')}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('admin.units.submit')}
        </button>
      </Form>
    </section>
  );
}
