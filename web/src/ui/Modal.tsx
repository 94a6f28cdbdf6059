import type { Modal as ScriptModal } from 'dkfds';
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { dkfdsScript } from './dkfdsScript';
import { Icon } from './Icon';

interface ModalProps {
  open: boolean;
  title: string;
  /** Closes the modal: the close button, Escape and a click on the backdrop call it. */
  onClose: () => void;
  /** The user must choose a button in the footer: no close button, Escape and backdrop do nothing. */
  forcedAction?: boolean;
  /** Where focus starts (default: the close button, or the title when there is none). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** The id of the text that says what the modal is about (`aria-describedby`). */
  describedBy?: string;
  /** The buttons (dkfds `modal-footer`). */
  footer?: ReactNode;
  children?: ReactNode;
}

/**
 * The dkfds modal, driven by the dkfds script (`Modal` of the `dkfds` package): React draws the
 * dkfds markup (`fds-modal` … `modal-footer`, closed as `aria-hidden="true"`) while `open`, and
 * the script shows it. The behaviour is the script's: the rest of the page is made `inert`, the
 * `#modal-backdrop` is added, focus goes to the close button (or the title), Escape, the close
 * button (`data-modal-close`) and the backdrop close it unless `data-modal-forced-action`, and
 * focus returns to the element that had it when the modal opened (handed to `show` as its
 * opener, as a dkfds trigger button would be).
 *
 * React keeps only what the script cannot do:
 * - `open` / `onClose`: the script's `fds.modal.hidden` is told to `onClose`; when the parent sets
 *   `open` to false, the script hides the modal before React removes it. A parent may refuse to
 *   close (an action is running): the script has already hidden it, so it is shown again.
 * - `initialFocus`: the script always focuses the close button or the title; focus is then moved.
 * - The portal into `body` inside an `.fds-modal-container`: the script makes every other child
 *   of `body` inert, so the modal must be one of its own.
 */
export function Modal({ open, ...props }: ModalProps) {
  if (!open) return null;
  return createPortal(
    <div className="fds-modal-container">
      <ModalDialog {...props} />
    </div>,
    document.body,
  );
}

/** The open modal: its dkfds markup, shown by the dkfds script (exported for the markup test). */
export function ModalDialog({
  title,
  onClose,
  forcedAction = false,
  initialFocus,
  describedBy,
  footer,
  children,
}: Omit<ModalProps, 'open'>) {
  const { t } = useTranslation();
  const id = useId();
  const modalRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useDkfdsModal(modalRef, onCloseRef, forcedAction, initialFocus);

  return (
    <div
      ref={modalRef}
      className="fds-modal"
      id={id}
      role="dialog"
      aria-modal="true"
      aria-hidden="true"
      aria-labelledby={`${id}-heading`}
      aria-describedby={describedBy}
    >
      <div className="modal-content">
        <div className="modal-header">
          <h2 className="modal-title" id={`${id}-heading`}>
            {title}
          </h2>
          {!forcedAction && (
            <button type="button" className="modal-close function-link" data-modal-close="">
              <Icon name="close" />
              {t('form.modalClose')}
            </button>
          )}
        </div>
        <div className="modal-body">{children}</div>
        {footer && <div className="modal-footer">{footer}</div>}
      </div>
    </div>
  );
}

/**
 * Shows the modal with the dkfds script while it is drawn and hides it when it goes. Before the
 * page is painted (a layout effect), so the closed markup never shows. The script's object is
 * made and `init`-ed once per element: `init` adds listeners that cannot be removed, and React's
 * strict mode runs the effect twice on the same element.
 */
function useDkfdsModal(
  modalRef: RefObject<HTMLDivElement | null>,
  onCloseRef: RefObject<() => void>,
  forcedAction: boolean,
  initialFocus: RefObject<HTMLElement | null> | undefined,
) {
  const instance = useRef<ScriptModal | null>(null);
  useLayoutEffect(() => {
    const element = modalRef.current;
    if (!element) return;
    if (instance.current?.$modal !== element) {
      instance.current = new (dkfdsScript().Modal)(element);
      instance.current.init();
    }
    const modal = instance.current;
    // Set here, not drawn by React: `hide` must see the same value as the `show` before it.
    if (forcedAction) element.setAttribute('data-modal-forced-action', '');
    else element.removeAttribute('data-modal-forced-action');

    const active = document.activeElement;
    const opener =
      active instanceof HTMLElement && active !== document.body && !element.contains(active)
        ? active
        : null;
    const show = () => {
      modal.show(opener ? { target: opener } : null);
      initialFocus?.current?.focus();
    };
    show();

    let mounted = true;
    const onHidden = () => {
      onCloseRef.current();
      // React has re-rendered by the next task: if the modal is still drawn, the parent kept it.
      setTimeout(() => {
        if (mounted && element.getAttribute('aria-hidden') === 'true') show();
      });
    };
    element.addEventListener('fds.modal.hidden', onHidden);
    return () => {
      mounted = false;
      element.removeEventListener('fds.modal.hidden', onHidden);
      if (element.getAttribute('aria-hidden') === 'false') modal.hide();
    };
  }, [modalRef, onCloseRef, forcedAction, initialFocus]);
}
