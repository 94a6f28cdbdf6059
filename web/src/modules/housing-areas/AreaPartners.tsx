import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GrantPartnerBody } from '../../../../server/modules/housing-areas/schema.ts';
import { MutationFailure } from '../../ui/MutationFailure';
import { Checkbox, Form, Select, useZodForm } from '../../ui/form';
import { CompactTable } from '../../ui/Table';
import {
  AREAS_KEY,
  changePartner,
  grantPartner,
  revokePartner,
  usePartnerCandidates,
  type Area,
  type AreaPartner,
} from './areasApi';

/**
 * The partners of the area, for its managers: housing social workers and other partner users,
 * or municipal staff not on the team, granted the area — whether they contribute to the mapping
 * rounds and whether they see the overview. Granted and revoked here.
 */
export function AreaPartners({ area }: { area: Area }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = area.abilities.manage;
  const candidates = usePartnerCandidates(area.id, manage);
  const saved = (next: Area) => {
    queryClient.setQueryData([AREAS_KEY, 'one', area.id], next);
    void queryClient.invalidateQueries({ queryKey: [AREAS_KEY, 'partner-candidates', area.id] });
  };
  const form = useZodForm(GrantPartnerBody, {
    defaultValues: { userId: '', mayContribute: true, seesOverview: false },
  });
  const grant = useMutation({
    mutationFn: (body: Parameters<typeof grantPartner>[1]) => grantPartner(area.id, body),
    onSuccess: (next) => {
      saved(next);
      form.reset();
    },
  });
  const revoke = useMutation({
    mutationFn: ({ userId, version }: { userId: string; version: number }) =>
      revokePartner(area.id, userId, version),
    onSuccess: saved,
  });
  const terms = useMutation({
    mutationFn: (p: AreaPartner) =>
      changePartner(area.id, p.userId, {
        version: p.version,
        mayContribute: p.mayContribute,
        seesOverview: !p.seesOverview,
      }),
    onSuccess: saved,
  });
  const partners = area.partners ?? [];
  const granted = new Set(partners.map((p) => p.userId));
  return (
    <section aria-labelledby="area-partners-heading">
      <h2 id="area-partners-heading">{t('housingAreas.partners.title')}</h2>
      <p>{t('housingAreas.partners.intro')}</p>
      <MutationFailure
        mutations={[revoke, terms]}
        errorTitle={t('housingAreas.partners.revokeFailed')}
        onReload={() => queryClient.invalidateQueries({ queryKey: [AREAS_KEY, 'one', area.id] })}
      />
      {partners.length === 0 ? (
        <p>{t('housingAreas.partners.none')}</p>
      ) : (
        <CompactTable
          caption={t('housingAreas.partners.title')}
          columns={[
            t('housingAreas.partners.name'),
            t('housingAreas.partners.contributes'),
            t('housingAreas.partners.overview'),
            manage && t('housingAreas.partners.actions'),
          ]}
        >
          {partners.map((p) => (
            <tr key={p.userId}>
              <td>
                {p.displayName}
                {p.isPartnerUser && ` (${t('housingAreas.partners.partnerUser')})`}
              </td>
              <td>{t(p.mayContribute ? 'housingAreas.yes' : 'housingAreas.no')}</td>
              <td>{t(p.seesOverview ? 'housingAreas.yes' : 'housingAreas.no')}</td>
              {manage && (
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={terms.isPending}
                    onClick={() => terms.mutate(p)}
                  >
                    {t(
                      p.seesOverview
                        ? 'housingAreas.partners.hideOverview'
                        : 'housingAreas.partners.showOverview',
                      { name: p.displayName },
                    )}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ userId: p.userId, version: p.version })}
                  >
                    {t('housingAreas.partners.revoke', { name: p.displayName })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </CompactTable>
      )}
      {manage && (
        <Form
          id="area-partner"
          form={form}
          onSubmit={(body) => grant.mutateAsync(body)}
          error={grant.error}
          errorTitle={t('housingAreas.partners.grantFailed')}
        >
          <Select name="userId" label={t('housingAreas.partners.user')}>
            <option value="">{t('housingAreas.partners.choose')}</option>
            {(candidates.data ?? [])
              .filter((c) => !granted.has(c.userId))
              .map((c) => (
                <option key={c.userId} value={c.userId}>
                  {c.displayName}
                  {c.isPartnerUser ? ` (${t('housingAreas.partners.partnerUser')})` : ''}
                </option>
              ))}
          </Select>
          <Checkbox name="mayContribute" label={t('housingAreas.partners.contributesLabel')} />
          <Checkbox name="seesOverview" label={t('housingAreas.partners.overviewLabel')} />
          <button type="submit" className="button button-primary" disabled={grant.isPending}>
            {t('housingAreas.partners.grant')}
          </button>
        </Form>
      )}
    </section>
  );
}
