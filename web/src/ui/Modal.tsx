import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
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
 * The dkfds modal (`fds-modal`, `modal-content`, `modal-header` … and the `modal-backdrop`), with
 * the dkfds script's behaviour: the rest of the page is made `inert` while it is open, so focus
 * stays inside; Escape, the close button and the backdrop close it (unless `forcedAction`), and
 * focus returns to where it was when the modal opened.
 */
export function Modal({
  open,
  title,
  onClose,
  forcedAction = false,
  initialFocus,
  describedBy,
  footer,
  children,
}: ModalProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything else on the page is inert while the modal is open (as the dkfds script does).
    const others = [...document.body.children].filter(
      (child) =>
        child !== containerRef.current &&
        child.tagName !== 'SCRIPT' &&
        !child.hasAttribute('inert'),
    );
    for (const child of others) child.setAttribute('inert', '');
    document.body.classList.add('modal-open');
    (initialFocus?.current ?? closeRef.current ?? titleRef.current)?.focus();

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !forcedAction) onCloseRef.current();
    };
    document.addEventListener('keyup', onKey);
    return () => {
      document.removeEventListener('keyup', onKey);
      for (const child of others) child.removeAttribute('inert');
      document.body.classList.remove('modal-open');
      opener?.focus();
    };
  }, [open, forcedAction, initialFocus]);

  if (!open) return null;
  return createPortal(
    <div ref={containerRef} className="fds-modal-container">
      <div
        className="fds-modal"
        role="dialog"
        aria-modal="true"
        aria-hidden="false"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
      >
        <div className="modal-content">
          <div className="modal-header">
            <h2 ref={titleRef} className="modal-title" id={titleId} tabIndex={-1}>
              {title}
            </h2>
            {!forcedAction && (
              <button
                ref={closeRef}
                type="button"
                className="modal-close function-link"
                onClick={onClose}
              >
                <Icon name="close" />
                {t('form.modalClose')}
              </button>
            )}
          </div>
          <div className="modal-body">{children}</div>
          {footer && <div className="modal-footer">{footer}</div>}
        </div>
      </div>
      <div
        className="modal-backdrop show"
        onClick={forcedAction ? undefined : onClose}
        aria-hidden="true"
      />
    </div>,
    document.body,
  );
}
