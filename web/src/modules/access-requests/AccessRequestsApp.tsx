import { Route, Routes } from 'react-router';
import { AccessRequestListPage } from './AccessRequestListPage';
import { AccessRequestPage } from './AccessRequestPage';
import { RegisterAccessRequestPage } from './RegisterAccessRequestPage';

/** "Aktindsigt" (/aktindsigt): the list, registering a request, and one request (ids only). */
export function AccessRequestsApp() {
  return (
    <Routes>
      <Route index element={<AccessRequestListPage />} />
      <Route path="ny" element={<RegisterAccessRequestPage />} />
      <Route path=":id" element={<AccessRequestPage />} />
    </Routes>
  );
}
