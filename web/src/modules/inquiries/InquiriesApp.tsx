import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { InboxPage } from './InboxPage';
import { InquiryPage } from './InquiryPage';
import { IntakePage } from './IntakePage';

/**
 * Concern inquiries under /henvendelser/*: the inbox (or, for those who only record inquiries,
 * the way to record one), the intake form and one inquiry. Addresses hold ids only.
 */
export function InquiriesApp() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="ny" element={<IntakePage />} />
      <Route path=":id" element={<InquiryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
