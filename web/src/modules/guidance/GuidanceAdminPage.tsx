import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { usePageTitle } from '../../app/usePageTitle';
import { QueryState } from '../../ui/QueryState';
import { Form, MutationFailure, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import {
  GUIDANCE_KEYS,
  GUIDANCE_QUERY_KEY,
  GUIDANCE_TEXT_MAX,
  replaceGuidance,
  resetGuidance,
  useGuidanceOverrides,
  type GuidanceKey,
  type GuidanceList,
} from './guidanceApi';

/** The form: the Danish text required, the English one optional (the server's own limits). */
const GuidanceValues = z.object({
  textDa: z.string().trim().min(1).max(GUIDANCE_TEXT_MAX),
  textEn: z.string().trim().min(1).max(GUIDANCE_TEXT_MAX).nullable(),
});

/**
 * The municipality's guidance texts (/administration/vejledninger, the administrator): each key
 * with the product's default, and the municipality's own text to save or reset. Saves use
 * optimistic locking; the audit trail keeps the history.
 */
export function GuidanceAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('guidance.admin.title'));
  const overrides = useGuidanceOverrides();
  return (
    <section className="guidance-admin">
      <h2>{t('guidance.admin.title')}</h2>
      <p>{t('guidance.admin.intro')}</p>
      <QueryState
        query={overrides}
        loading={t('guidance.admin.loading')}
        loadError={t('guidance.admin.loadError')}
      >
        {(list) => (
          <>
            {GUIDANCE_KEYS.map((key) => (
              <GuidanceEditor key={key} guidanceKey={key} list={list} />
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}

function GuidanceEditor({ guidanceKey, list }: { guidanceKey: GuidanceKey; list: GuidanceList }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const own = list.items.find((o) => o.key === guidanceKey);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useZodForm(GuidanceValues, {
    defaultValues: { textDa: own?.textDa ?? '', textEn: own?.textEn ?? null },
  });
  const done = (message: string) => async (result: GuidanceList) => {
    queryClient.setQueryData(GUIDANCE_QUERY_KEY, result);
    setNotice(message);
  };
  const save = useMutation({
    mutationFn: (values: z.output<typeof GuidanceValues>) =>
      replaceGuidance(guidanceKey, { ...values, version: own?.version ?? 0 }),
    onMutate: () => setNotice(null),
    onSuccess: done(t('guidance.admin.saved')),
  });
  const reset = useMutation({
    mutationFn: () => resetGuidance(guidanceKey, own?.version ?? 1),
    onMutate: () => setNotice(null),
    onSuccess: async (result) => {
      form.reset({ textDa: '', textEn: null });
      await done(t('guidance.admin.resetDone'))(result);
    },
  });
  return (
    <details className="details guidance-admin-item">
      <summary className="details-summary">
        {t(`guidance.title.${guidanceKey}`)}
        {own ? ` – ${t('guidance.own')}` : ''}
      </summary>
      <div className="details-text">
        <h3 className="h5">{t('guidance.admin.default')}</h3>
        <p>{t(`guidance.text.${guidanceKey}`)}</p>
        <p className="form-hint">
          {t('guidance.source', { source: t(`guidance.sourceOf.${guidanceKey}`) })}
        </p>
        {notice && <SuccessMessage>{notice}</SuccessMessage>}
        <Form
          id={`guidance-${guidanceKey}`}
          form={form}
          onSubmit={(values) => save.mutateAsync(values)}
          error={save.error ?? reset.error}
          errorTitle={t('guidance.admin.saveError')}
        >
          <MutationFailure
            mutations={[save, reset]}
            text={t('guidance.admin.stale')}
            reloadLabel={t('guidance.admin.reload')}
            headingLevel="h4"
            onReload={async () => {
              await queryClient.invalidateQueries({ queryKey: GUIDANCE_QUERY_KEY });
            }}
          />
          <TextArea
            name="textDa"
            label={t('guidance.admin.textDa')}
            rows={5}
            maxLength={GUIDANCE_TEXT_MAX}
          />
          <TextArea
            name="textEn"
            label={t('guidance.admin.textEn')}
            empty="null"
            rows={5}
            maxLength={GUIDANCE_TEXT_MAX}
          />
          <div className="guidance-admin-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {t('guidance.admin.save')}
            </button>
            {own && (
              <button
                type="button"
                className="button button-secondary"
                disabled={reset.isPending}
                onClick={() => reset.mutate()}
              >
                {t('guidance.admin.reset')}
              </button>
            )}
          </div>
        </Form>
      </div>
    </details>
  );
}
