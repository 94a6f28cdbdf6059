import { useId, useRef, type Ref } from 'react';
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
        <ConfirmButtons
          confirmLabel={confirmLabel}
          cancelLabel={t('admin.common.cancel')}
          pending={pending}
          onConfirm={onConfirm}
          onCancel={onCancel}
          cancelRef={cancelRef}
        />
      }
    >
      <p id={textId}>{text}</p>
    </Modal>
  );
}

/**
 * The two answers to a confirmation: the action (primary) and "Cancel", both disabled while the
 * action runs. Used by the dialog here and by a confirmation shown in the page (the person merge).
 */
export function ConfirmButtons({
  confirmLabel,
  cancelLabel,
  pending,
  onConfirm,
  onCancel,
  cancelRef,
}: {
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** For a dialog that starts on "Cancel", the safe choice. */
  cancelRef?: Ref<HTMLButtonElement>;
}) {
  return (
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
        {cancelLabel}
      </button>
    </>
  );
}
