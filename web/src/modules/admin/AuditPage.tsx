import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AuditQuery } from '../../../../server/modules/admin/schema.ts';
import { currentLanguage } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { DateInput, TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { CompactTable } from '../../ui/Table';
import { FilterForm, PagedList } from './AdminList';
import {
  AUDIT_ACTIONS,
  ROLES,
  useAuditTrail,
  verifyAuditTrail,
  type AuditEntry,
  type AuditFilter,
  type Role,
} from './adminApi';

const TEXT_FILTERS = ['actorUserId', 'resourceType', 'resourceId', 'subjectPersonId'] as const;

/** The filters, checked with the audit query's own schema; an empty field is no filter. */
const Filters = AuditQuery.pick({
  from: true,
  to: true,
  action: true,
  breakGlass: true,
  actorUserId: true,
  resourceType: true,
  resourceId: true,
  subjectPersonId: true,
});

const NO_FILTER: z.input<typeof Filters> = {
  from: undefined,
  to: undefined,
  action: undefined,
  breakGlass: undefined,
  actorUserId: undefined,
  resourceType: undefined,
  resourceId: undefined,
  subjectPersonId: undefined,
};

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as string[]).includes(value);
}

/** "Revisionsspor": the municipality's audit trail, filtered, newest first, and its check. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.audit.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const [filter, setFilter] = useState<AuditFilter>({});
  const form = useZodForm(Filters, { defaultValues: NO_FILTER });
  const trail = useAuditTrail(filter);
  const items = trail.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.audit.title')}</h2>
      <p>{t('admin.audit.intro')}</p>

      <FilterForm
        id="audit"
        form={form}
        heading={t('admin.audit.filtersHeading')}
        onFilter={(values) => setFilter(withoutEmpty(values))}
        onReset={() => setFilter({})}
      >
        <div className="admin-filter-row">
          <DateInput name="from" label={t('admin.audit.from')} empty="undefined" />
          <DateInput name="to" label={t('admin.audit.to')} empty="undefined" />
          <OptionSelect
            name="action"
            label={t('admin.audit.action')}
            empty="undefined"
            none={t('admin.common.all')}
            options={AUDIT_ACTIONS.map((action) => ({
              value: action,
              label: t(`admin.audit.actions.${action}`),
            }))}
          />
          <OptionSelect
            name="breakGlass"
            label={t('admin.audit.breakGlass')}
            empty="undefined"
            none={t('admin.common.all')}
            options={[
              { value: 'true', label: t('admin.common.yes') },
              { value: 'false', label: t('admin.common.no') },
            ]}
          />
        </div>
        <div className="admin-filter-row">
          {TEXT_FILTERS.map((key) => (
            <TextInput
              key={key}
              name={key}
              label={t(`admin.audit.${key}`)}
              {...(key !== 'resourceType' && { hint: t('admin.audit.idHint') })}
              empty="undefined"
              widthClass="input-width-m"
              autoComplete="off"
              spellCheck={false}
            />
          ))}
        </div>
      </FilterForm>

      <PagedList
        pages={trail}
        shown={items.length}
        loading={t('admin.audit.loading')}
        loadError={t('admin.audit.loadError')}
        empty={t('admin.audit.empty')}
      >
        <p role="status">{t('admin.audit.shown', { count: items.length })}</p>
        <AuditTable items={items} />
      </PagedList>
      <VerifyChain />
    </section>
  );
}

/** The filters that are set (a field left empty, or blank after trimming, is no filter). */
function withoutEmpty(values: z.output<typeof Filters>): AuditFilter {
  const filter: AuditFilter = {};
  for (const [key, value] of Object.entries(values) as [keyof AuditFilter, string | undefined][]) {
    if (value) filter[key] = value;
  }
  return filter;
}

function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const time = new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Copenhagen',
  });
  return (
    <CompactTable
      className="admin-table"
      caption={t('admin.audit.caption')}
      columns={[
        t('admin.audit.timeColumn'),
        t('admin.audit.actorColumn'),
        t('admin.audit.roleColumn'),
        t('admin.audit.actionColumn'),
        t('admin.audit.resourceColumn'),
        t('admin.audit.purposeColumn'),
        t('admin.audit.breakGlassColumn'),
        t('admin.audit.detailsColumn'),
      ]}
    >
      {items.map((entry) => (
        <tr key={entry.id}>
          <td>
            <time dateTime={entry.occurredAt}>{time.format(new Date(entry.occurredAt))}</time>
          </td>
          <td>
            {entry.actor ? (
              <>
                {entry.actor.displayName ?? entry.actor.id}
                {entry.actor.username && (
                  <>
                    <br />
                    <span className="admin-id">{entry.actor.username}</span>
                  </>
                )}
              </>
            ) : (
              t('admin.audit.systemActor')
            )}
          </td>
          <td>{isRole(entry.actorRole) ? t(`admin.roles.${entry.actorRole}`) : entry.actorRole}</td>
          <td>{t(`admin.audit.actions.${entry.action}`)}</td>
          <td>
            {entry.resourceType}
            {entry.resourceId && (
              <>
                <br />
                <span className="admin-id">{entry.resourceId}</span>
              </>
            )}
          </td>
          <td>{[entry.purpose, entry.legalBasis].filter(Boolean).join(' · ')}</td>
          <td>{entry.breakGlass ? t('admin.common.yes') : t('admin.common.no')}</td>
          <td>
            <ul className="admin-details">
              {Object.entries(entry.details).map(([key, value]) => (
                <li key={key}>
                  {key}: {String(value)}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const headingId = useId();
  const mutation = useMutation({ mutationFn: verifyAuditTrail });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('admin.audit.verifyHeading')}</h3>
      <p>{t('admin.audit.verifyText')}</p>
      {mutation.data &&
        (mutation.data.ok ? (
          <SuccessMessage>
            {t('admin.audit.verifyOk', { count: mutation.data.checked })}
          </SuccessMessage>
        ) : (
          <div className="alert alert-error" role="alert">
            <div className="alert-body">
              <p className="alert-text">
                {t('admin.audit.verifyBroken', { seq: mutation.data.firstBroken?.seq ?? 0 })}
              </p>
              {mutation.data.firstBroken && (
                <p className="alert-text">
                  <code>{mutation.data.firstBroken.reason}</code>
                </p>
              )}
            </div>
          </div>
        ))}
      {mutation.error ? (
        <ErrorAlert title={t('admin.audit.verifyFailedTitle')} error={mutation.error} />
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {mutation.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
      </button>
    </section>
  );
}
