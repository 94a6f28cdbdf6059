import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InboxQuery } from '../../../../server/modules/inquiries/schema.ts';
import { Checkbox, Form, Select, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  CHANNELS,
  INBOX_STATUSES,
  SERIOUSNESS_FILTERS,
  SOURCES,
  type InboxParams,
} from './inquiriesApi';

/** A change of filters for the address: a key with '' is no filter. */
export type FilterPatch = Partial<
  Record<'status' | 'seriousness' | 'source' | 'channel' | 'overdue', string>
>;

/** The filters as the form holds them: the inbox's own query, the overdue filter as a box. */
const FilterValues = InboxQuery.pick({
  status: true,
  seriousness: true,
  source: true,
  channel: true,
}).extend({
  overdue: z.boolean(),
});
type FilterForm = z.input<typeof FilterValues>;

function formValues(params: InboxParams): FilterForm {
  return {
    status: params.status,
    seriousness: params.seriousness ?? undefined,
    source: params.source ?? undefined,
    channel: params.channel ?? undefined,
    overdue: params.overdue,
  };
}

/** The one filter the user changed, as the address holds it. */
function patchOf(name: string | undefined, values: Partial<FilterForm>): FilterPatch | null {
  switch (name) {
    case 'status':
      return { status: values.status ?? '' };
    case 'seriousness':
      return { seriousness: values.seriousness ?? '' };
    case 'source':
      return { source: values.source ?? '' };
    case 'channel':
      return { channel: values.channel ?? '' };
    case 'overdue':
      return { overdue: values.overdue ? 'true' : '' };
    default:
      return null;
  }
}

/**
 * The inbox's filters. They live in the address (only codes, never personal data): the form
 * shows the address's filters, and a change by the user applies at once, with no submit.
 */
export function InboxFilters({
  params,
  onChange,
}: {
  params: InboxParams;
  onChange: (patch: FilterPatch) => void;
}) {
  const { t } = useTranslation();
  // Follows the address (`values`): a link or a reload with other filters shows them.
  const form = useZodForm(FilterValues, { values: formValues(params) });
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    // Only the user's changes go to the address, not the form following it.
    const subscription = form.watch((values, { name, type }) => {
      const patch = type === 'change' ? patchOf(name, values) : null;
      if (patch) latest.current(patch);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  return (
    <Form
      id="inbox-filter"
      form={form}
      className="inquiry-filters"
      summary={false}
      onSubmit={() => undefined}
    >
      <Select name="status" label={t('inquiries.inbox.filters.status')}>
        {INBOX_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`inquiries.inbox.statusFilter.${status}`)}
          </option>
        ))}
      </Select>
      <OptionSelect
        name="seriousness"
        label={t('inquiries.inbox.filters.seriousness')}
        empty="undefined"
        none={t('inquiries.inbox.filters.all')}
        options={SERIOUSNESS_FILTERS.map((s) => ({
          value: s,
          label:
            s === 'untriaged' ? t('inquiries.seriousness.none') : t(`inquiries.seriousness.${s}`),
        }))}
      />
      <OptionSelect
        name="source"
        label={t('inquiries.inbox.filters.source')}
        empty="undefined"
        none={t('inquiries.inbox.filters.all')}
        options={SOURCES.map((s) => ({ value: s, label: t(`inquiries.sources.${s}`) }))}
      />
      <OptionSelect
        name="channel"
        label={t('inquiries.inbox.filters.channel')}
        empty="undefined"
        none={t('inquiries.inbox.filters.all')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`inquiries.channels.${c}`) }))}
      />
      <Checkbox
        name="overdue"
        label={t('inquiries.inbox.filters.overdue')}
        className="inquiry-filter-overdue"
      />
    </Form>
  );
}
