import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorPage } from './ErrorPage';
import { Footer } from './Footer';
import { Header } from './Header';

/** Page frame: skip link, header, main content (the current route) and footer. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  // After a client-side navigation, move focus to the new page's heading (as a page load would
  // reset focus), so screen reader and keyboard users start at the new content.
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    window.scrollTo(0, 0);
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [pathname]);

  // Focus main without adding "#main-content" to the address (which the router would see).
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  };

  return (
    <>
      <a className="skipnav" href="#main-content" onClick={skipToContent}>
        {t('app.skipLink')}
      </a>
      <Header />
      <main id="main-content" ref={mainRef} tabIndex={-1} className="container">
        <ErrorBoundary key={pathname} fallback={<ErrorPage />}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <Footer />
    </>
  );
}
