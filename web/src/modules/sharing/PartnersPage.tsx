import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../../shared/sharing.ts';
import {
  PartnerListQuery,
  PartnerStatusFilterSchema,
} from '../../../../server/modules/sharing/schema-partners.ts';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FilterSelect } from '../../ui/FilterSelect';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { CompactTable } from '../../ui/Table';
import { Form, MutationFailure, TextInput, focusAfterSave, useZodForm } from '../../ui/form';
import { PartnerForm } from './PartnerForm';
import {
  setPartnerActive,
  useInvalidatePartners,
  usePartners,
  type PartnerFilter,
  type PartnerOrganisation,
} from './partnersApi';

const STATUSES = PartnerStatusFilterSchema.options;
/** The search holds the name text; kind and status apply as soon as they are chosen. */
const SearchValues = PartnerListQuery.pick({ q: true });

/**
 * "Samarbejdspartnere": the municipality's partner organisations for its administrator — a list
 * filtered by kind and status and searched by name, a new one, a change, deactivate and activate.
 * The actions show from the abilities the server sends.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('partners.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const manage = useSession().data?.abilities?.partners.manage === true;
  const [filter, setFilter] = useState<PartnerFilter>({ kind: '', status: 'active', q: '' });
  const searchForm = useZodForm(SearchValues, { defaultValues: { q: '' } });
  const [editing, setEditing] = useState<PartnerOrganisation | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A new create form (and client id) after each organisation created.
  const [created, setCreated] = useState(0);
  const partners = usePartners(filter);
  const invalidate = useInvalidatePartners();
  const toggle = useMutation({
    mutationFn: (p: PartnerOrganisation) => setPartnerActive(p, !p.active),
    onSuccess: async (saved) => {
      await invalidate();
      setMessage(
        t(saved.active ? 'partners.activated' : 'partners.deactivated', { name: saved.name }),
      );
    },
  });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('partners.title')}</h2>
      <p>{t('partners.intro')}</p>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      <MutationFailure mutations={toggle} onReload={() => invalidate()} />
      {editing && manage && (
        <PartnerForm
          key={`${editing.id}-${editing.version}`}
          partner={editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setMessage(t('partners.saved', { name: saved.name }));
            focusAfterSave(headingId);
          }}
          onReload={async () => {
            await invalidate();
            setEditing(null);
          }}
        />
      )}
      <Form
        form={searchForm}
        role="search"
        className="admin-filters"
        summary={false}
        onSubmit={({ q }) => setFilter((f) => ({ ...f, q: q ?? '' }))}
      >
        <FilterSelect
          label={t('partners.kind')}
          value={filter.kind}
          all={t('partners.allKinds')}
          options={ORGANISATION_KINDS.map((k) => ({
            value: k,
            label: t(`sharing.organisationKinds.${k}`),
          }))}
          onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
        />
        <FilterSelect
          label={t('partners.status')}
          value={filter.status}
          options={STATUSES.map((s) => ({ value: s, label: t(`partners.statuses.${s}`) }))}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
        />
        <TextInput
          name="q"
          label={t('partners.search')}
          empty="undefined"
          widthClass="input-width-l"
          type="search"
        />
        <button type="submit" className="button button-secondary">
          {t('partners.searchSubmit')}
        </button>
      </Form>
      <QueryState
        query={partners}
        loading={t('partners.loading')}
        loadError={t('partners.loadError')}
      >
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('partners.empty')}</p>
          ) : (
            <CompactTable
              className="admin-table"
              caption={t('partners.caption')}
              columns={[
                t('partners.name'),
                t('partners.kind'),
                t('partners.processorColumn'),
                t('partners.statusColumn'),
                ...(manage ? [t('partners.actions')] : []),
              ]}
            >
              {items.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`sharing.organisationKinds.${p.kind}`)}</td>
                  <td>
                    {p.dataProcessor
                      ? t('partners.processorAgreement', { ref: p.processorAgreementRef ?? '' })
                      : t('partners.recipient')}
                  </td>
                  <td>{t(p.active ? 'partners.statuses.active' : 'partners.statuses.inactive')}</td>
                  {manage && (
                    <td>
                      <button
                        type="button"
                        className="button button-tertiary"
                        aria-label={t('partners.editFor', { name: p.name })}
                        onClick={() => {
                          setMessage(null);
                          setEditing(p);
                        }}
                      >
                        {t('partners.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button-tertiary"
                        aria-label={t(
                          p.active ? 'partners.deactivateFor' : 'partners.activateFor',
                          {
                            name: p.name,
                          },
                        )}
                        disabled={toggle.isPending}
                        onClick={() => {
                          setMessage(null);
                          toggle.mutate(p);
                        }}
                      >
                        {t(p.active ? 'partners.deactivate' : 'partners.activate')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </CompactTable>
          )
        }
      </QueryState>
      {manage && (
        <PartnerForm
          key={created}
          partner={null}
          onDone={(saved) => {
            if (saved) setMessage(t('partners.created', { name: saved.name }));
            setCreated((n) => n + 1);
          }}
          onReload={() => invalidate()}
        />
      )}
    </section>
  );
}
