import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AccessRequestsApp } from '../modules/access-requests/AccessRequestsApp';
import { AdminApp } from '../modules/admin/AdminApp';
import { LoginPage } from '../modules/auth/LoginPage';
import { SecurityKeysPage } from '../modules/auth/SecurityKeysPage';
import { BreakGlassPage } from '../modules/cases/BreakGlassPage';
import { CaseDetailPage } from '../modules/cases/CaseDetailPage';
import { CaseListPage } from '../modules/cases/CaseListPage';
import { MeetingsApp } from '../modules/meetings/MeetingsApp';
import { HomePage } from '../modules/home/HomePage';
import { InquiriesApp } from '../modules/inquiries/InquiriesApp';
import { NotificationsPage } from '../modules/notifications/NotificationsPage';
import { AccessReportLookupPage } from '../modules/persons/AccessReportLookupPage';
import { CitizenTrailPage } from '../modules/disclosures/CitizenTrailPage';
import { DisclosureRegisterPage } from '../modules/disclosures/DisclosureRegisterPage';
import { DpiaPage } from '../modules/disclosures/DpiaPage';
import { IncomingTransfersRoute } from '../modules/transfers/IncomingTransfersPage';
import { AccessReportPage } from '../modules/persons/AccessReportPage';
import { FindPersonPage } from '../modules/persons/FindPersonPage';
import { PersonPage } from '../modules/persons/PersonPage';
import { AreasApp } from '../modules/housing-areas/AreasApp';
import { PlaceholderPage } from '../modules/placeholders/PlaceholderPage';
import { TasksPage } from '../modules/tasks/TasksPage';
import { PoliceFeedbackPage } from '../modules/police-feedback/PoliceFeedbackPage';
import { ActivationPage } from '../modules/partners/ActivationPage';
import { PartnerCasePage } from '../modules/partners/PartnerCasePage';
import { PartnerCasesPage } from '../modules/partners/PartnerCasesPage';
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
  meetings: MeetingsApp,
  housingAreas: AreasApp,
  accessReports: AccessReportLookupPage,
  accessRequests: AccessRequestsApp,
  partnerCases: PartnerCasesPage,
  policeFeedback: PoliceFeedbackPage,
  administration: AdminApp,
};

/** Capabilities with sub-pages of their own (routed below `<path>/*`). */
const NESTED_CAPABILITIES = new Set<CapabilityId>([
  'inquiries',
  'administration',
  'accessRequests',
  'meetings',
  'housingAreas',
]);

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
              {/* A new partner sets a password from the invitation e-mail (token in the fragment). */}
              <Route path="partner/aktivering" element={<ActivationPage />} />
              <Route path="partner" element={<Navigate to="/mine-sager" replace />} />
              <Route element={<RequireLogin />}>
                <Route index element={<HomePage />} />
                <Route path="sikkerhed" element={<SecurityKeysPage />} />
                {/* Route parameters are ids only: never a name or a CPR number in an address. */}
                <Route path="sager/bryd-glasset" element={<BreakGlassPage />} />
                <Route path="sager/:id/*" element={<CaseDetailPage />} />
                <Route path="personer/:id" element={<PersonPage />} />
                <Route path="personer/:id/indsigt" element={<AccessReportPage />} />
                <Route path="indsigt/videregivelser" element={<DisclosureRegisterPage />} />
                <Route path="indsigt/borger" element={<CitizenTrailPage />} />
                <Route path="indsigt/konsekvensanalyse" element={<DpiaPage />} />
                <Route path="notifikationer" element={<NotificationsPage />} />
                <Route path="mine-sager/:caseId" element={<PartnerCasePage />} />
                <Route path="overfoersler" element={<IncomingTransfersRoute />} />
                {/* A meeting's minutes (issue 14 part 4): the server decides who sees what. */}
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
