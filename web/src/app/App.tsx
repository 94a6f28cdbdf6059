import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '../modules/auth/LoginPage';
import { HomePage } from '../modules/home/HomePage';
import { PlaceholderPage } from '../modules/placeholders/PlaceholderPage';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { CAPABILITIES } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { createQueryClient } from './queryClient';
import { RequireAbility, RequireLogin } from './RequireLogin';
import { RootErrorPage } from './RootErrorPage';

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
                {CAPABILITIES.map((capability) => (
                  <Route
                    key={capability.id}
                    path={capability.path}
                    element={
                      <RequireAbility capability={capability.id}>
                        <PlaceholderPage capability={capability.id} />
                      </RequireAbility>
                    }
                  />
                ))}
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
