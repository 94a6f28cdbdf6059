import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../ui/Modal';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  /** Disables the buttons while the action runs. */
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A confirmation before an action with consequences (disable a user, reset a second factor), in
 * the dkfds modal: the page behind is inert, Escape cancels, and focus returns to the button that
 * opened it. Focus starts on "Cancel", the safe choice.
 */
export function ConfirmDialog({
  open,
  title,
  text,
  confirmLabel,
  pending = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const textId = useId();
  return (
    <Modal
      open={open}
      title={title}
      describedBy={textId}
      initialFocus={cancelRef}
      onClose={() => {
        if (!pending) onCancel();
      }}
      footer={
        <>
          <button
            type="button"
            className="button button-primary"
            disabled={pending}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
          <button
            ref={cancelRef}
            type="button"
            className="button button-secondary"
            disabled={pending}
            onClick={onCancel}
          >
            {t('admin.common.cancel')}
          </button>
        </>
      }
    >
      <p id={textId}>{text}</p>
    </Modal>
  );
}
