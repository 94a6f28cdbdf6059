import { ErrorPage } from './ErrorPage';

/** The last-resort error page when even the layout failed: a bare page with a main landmark. */
export function RootErrorPage() {
  return (
    <main id="main-content" tabIndex={-1} className="container">
      <ErrorPage />
    </main>
  );
}
