import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AdminApp } from '../modules/admin/AdminApp';
import { LoginPage } from '../modules/auth/LoginPage';
import { SecurityKeysPage } from '../modules/auth/SecurityKeysPage';
import { BreakGlassPage } from '../modules/cases/BreakGlassPage';
import { CaseDetailPage } from '../modules/cases/CaseDetailPage';
import { CaseListPage } from '../modules/cases/CaseListPage';
import { ForumsPage } from '../modules/forums/ForumsPage';
import { HomePage } from '../modules/home/HomePage';
import { InquiriesApp } from '../modules/inquiries/InquiriesApp';
import { NotificationsPage } from '../modules/notifications/NotificationsPage';
import { AccessReportLookupPage } from '../modules/persons/AccessReportLookupPage';
import { DisclosureRegisterPage } from '../modules/disclosures/DisclosureRegisterPage';
import { IncomingTransfersRoute } from '../modules/transfers/IncomingTransfersPage';
import { AccessReportPage } from '../modules/persons/AccessReportPage';
import { FindPersonPage } from '../modules/persons/FindPersonPage';
import { PersonPage } from '../modules/persons/PersonPage';
import { PlaceholderPage } from '../modules/placeholders/PlaceholderPage';
import { TasksPage } from '../modules/tasks/TasksPage';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { CAPABILITIES, type CapabilityId } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { createQueryClient } from './queryClient';
import { RequireAbility, RequireLogin } from './RequireLogin';
import { RootErrorPage } from './RootErrorPage';

/** The start page of each capability built so far; the others show a placeholder. */
const CAPABILITY_PAGES: Partial<Record<CapabilityId, () => ReactElement>> = {
  inquiries: InquiriesApp,
  cases: CaseListPage,
  persons: FindPersonPage,
  tasks: TasksPage,
  meetings: ForumsPage,
  accessReports: AccessReportLookupPage,
  administration: AdminApp,
};

/** Capabilities with sub-pages of their own (routed below `<path>/*`). */
const NESTED_CAPABILITIES = new Set<CapabilityId>(['inquiries', 'administration']);

/**
 * The web shell: data cache, routing and the page layout, guarded by an error boundary. The
 * login page and the 404 page are public; every capability needs a logged-in user.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary fallback={<RootErrorPage />}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route path="login" element={<LoginPage />} />
              <Route element={<RequireLogin />}>
                <Route index element={<HomePage />} />
                <Route path="sikkerhed" element={<SecurityKeysPage />} />
                {/* Route parameters are ids only: never a name or a CPR number in an address. */}
                <Route path="sager/bryd-glasset" element={<BreakGlassPage />} />
                <Route path="sager/:id/*" element={<CaseDetailPage />} />
                <Route path="personer/:id" element={<PersonPage />} />
                <Route path="personer/:id/indsigt" element={<AccessReportPage />} />
                <Route path="indsigt/videregivelser" element={<DisclosureRegisterPage />} />
                <Route path="notifikationer" element={<NotificationsPage />} />
                <Route path="overfoersler" element={<IncomingTransfersRoute />} />
                {CAPABILITIES.map((capability) => {
                  const Page = CAPABILITY_PAGES[capability.id];
                  return (
                    <Route
                      key={capability.id}
                      // A capability with sub-pages routes everything below its path.
                      path={
                        NESTED_CAPABILITIES.has(capability.id)
                          ? `${capability.path}/*`
                          : capability.path
                      }
                      element={
                        <RequireAbility capability={capability.id}>
                          {Page ? <Page /> : <PlaceholderPage capability={capability.id} />}
                        </RequireAbility>
                      }
                    />
                  );
                })}
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
