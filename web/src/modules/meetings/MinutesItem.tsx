import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MinutesItemBody } from '../../../../server/modules/meetings/minutes-schema.ts';
import { Form, MutationFailure, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import { MinutesDecisionForm } from './MinutesDecisionForm';
import { saveItem, type MinutesItem } from './minutesApi';

const ItemText = MinutesItemBody.omit({ version: true });

/** The record an item is about, as a link (ids only in the address), or the topic's heading. */
function ItemLabel({ item }: { item: MinutesItem }) {
  const { t } = useTranslation();
  if (item.caseId && item.caseReference) {
    return (
      <Link to={`/sager/${item.caseId}`}>
        {t('minutes.items.case', { reference: item.caseReference })}
      </Link>
    );
  }
  if (item.inquiryId && item.inquiryReference) {
    return (
      <Link to={`/henvendelser/${item.inquiryId}`}>
        {t('minutes.items.inquiry', { reference: item.inquiryReference })}
      </Link>
    );
  }
  return <>{item.title ?? ''}</>;
}

/**
 * One agenda item in the minutes: what was assessed and the decision in words (a form while the
 * minutes are a draft and the caller writes them), what the decision did on the record, and the
 * decision form chosen by the item's kind.
 */
export function MinutesItemCard({
  item,
  meetingId,
  version,
  writable,
  onChanged,
}: {
  item: MinutesItem;
  meetingId: string;
  version: number;
  writable: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const headingId = `minutes-item-${item.agendaItemId}`;
  const form = useZodForm(ItemText, {
    defaultValues: { assessed: item.assessed ?? '', decision: item.decision ?? '' },
  });
  const save = useMutation({
    mutationFn: (body: { assessed: string | null; decision: string | null }) =>
      saveItem(meetingId, item.agendaItemId, { version, ...body }),
    onSuccess: onChanged,
  });
  return (
    <article className="minutes-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.position}. {t(`minutes.kinds.${item.kind}`, item.kind)}: <ItemLabel item={item} />
      </h3>
      {item.textHidden ? (
        <p className="form-hint">{t('minutes.items.textHidden')}</p>
      ) : writable ? (
        <>
          <MutationFailure mutations={save} headingLevel="h4" onReload={onChanged} />
          {save.isSuccess && <SuccessMessage>{t('minutes.items.saved')}</SuccessMessage>}
          <Form
            id={`minutes-text-${item.agendaItemId}`}
            form={form}
            summary={false}
            onSubmit={(body) => save.mutateAsync(body)}
            error={save.error}
            errorTitle={t('minutes.items.saveError')}
          >
            <TextArea
              name="assessed"
              label={t('minutes.items.assessed')}
              empty="null"
              maxLength={8000}
            />
            <TextArea
              name="decision"
              label={t('minutes.items.decision')}
              empty="null"
              maxLength={8000}
            />
            <button type="submit" className="button button-secondary" disabled={save.isPending}>
              {t('minutes.items.save')}
            </button>
          </Form>
        </>
      ) : (
        <dl>
          <dt>{t('minutes.items.assessed')}</dt>
          <dd>{item.assessed ?? t('minutes.items.nothing')}</dd>
          <dt>{t('minutes.items.decision')}</dt>
          <dd>{item.decision ?? t('minutes.items.nothing')}</dd>
        </dl>
      )}
      {item.action && (
        <p>
          <strong>
            {t('minutes.items.acted', { what: t(`minutes.actions.${item.action.kind}`) })}
          </strong>
        </p>
      )}
      {item.actions.length > 0 && (
        <MinutesDecisionForm
          item={item}
          meetingId={meetingId}
          version={version}
          onChanged={onChanged}
        />
      )}
    </article>
  );
}
