import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { MainNavigation } from './MainNavigation';

/** The width (dkfds `lg`) from which the navigation bar replaces the drawer. */
const DESKTOP_QUERY = '(min-width: 992px)';

/**
 * The dkfds mobile drawer, built on a native modal `<dialog>`: the browser keeps focus inside,
 * closes it on Escape and returns focus to the menu button.
 */
export function MobileMenu({
  organisationName,
  userName,
}: {
  organisationName: string | undefined;
  userName: string;
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  const open = () => dialogRef.current?.showModal();
  const close = () => dialogRef.current?.close();

  // A click on the backdrop (outside the drawer's box) closes it.
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) close();
  };

  // Widening the window to desktop size hides the menu button, so the drawer closes too.
  useEffect(() => {
    const desktop = window.matchMedia(DESKTOP_QUERY);
    const onChange = () => {
      if (desktop.matches) dialogRef.current?.close();
    };
    desktop.addEventListener('change', onChange);
    return () => desktop.removeEventListener('change', onChange);
  }, []);

  return (
    <>
      <button
        type="button"
        className="function-link button-menu-open"
        aria-haspopup="dialog"
        onClick={open}
      >
        <Icon name="menu" />
        {t('menu.open')}
      </button>
      <dialog
        ref={dialogRef}
        className="mobile-drawer"
        aria-labelledby={headingId}
        onClick={onDialogClick}
      >
        <div className="menu-top">
          <h2 id={headingId} className="menu-heading">
            {t('menu.heading')}
          </h2>
          <button
            type="button"
            className="function-link button-menu-close"
            aria-label={t('menu.closeLabel')}
            onClick={close}
          >
            <Icon name="close" />
            {t('menu.close')}
          </button>
        </div>
        <div className="solution-info-mobile">
          {organisationName && (
            <p>
              <strong className="authority-name">{organisationName}</strong>
            </p>
          )}
          <p>
            <span className="sr-only">{t('header.userLabel')} </span>
            {userName}
          </p>
        </div>
        <MainNavigation variant="mobile" onNavigate={close} />
      </dialog>
    </>
  );
}
