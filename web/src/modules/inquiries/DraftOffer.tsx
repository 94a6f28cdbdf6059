import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { formatDateTime } from '../cases/format';
import { deleteDraft, type Draft } from './inquiriesApi';

/** "Fortsæt kladde": the user's saved drafts, newest first, to continue or delete. */
export function DraftOffer({
  drafts,
  onContinue,
  onDismiss,
  onDeleted,
}: {
  drafts: Draft[];
  onContinue: (draft: Draft) => void;
  onDismiss: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation({ mutationFn: deleteDraft, onSuccess: onDeleted });
  const sorted = [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="alert alert-info inquiry-drafts">
      <Icon name="info" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">
          {sorted.length === 1
            ? t('inquiries.drafts.headingOne')
            : t('inquiries.drafts.headingMany', { count: sorted.length })}
        </h2>
        <ul className="nobullet-list">
          {sorted.map((draft) => (
            <li key={draft.id} className="inquiry-draft">
              <span>
                {t('inquiries.drafts.savedAt', { time: formatDateTime(draft.updatedAt) })}
              </span>{' '}
              <button
                type="button"
                className="button button-primary"
                onClick={() => onContinue(draft)}
              >
                {t('inquiries.drafts.continue')}
              </button>{' '}
              <button
                type="button"
                className="button button-tertiary"
                disabled={remove.isPending}
                onClick={() => remove.mutate(draft.id)}
              >
                {t('inquiries.drafts.delete')}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-tertiary" onClick={onDismiss}>
          {t('inquiries.drafts.startNew')}
        </button>
      </div>
    </div>
  );
}
