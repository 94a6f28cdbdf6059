import { Route, Routes } from 'react-router';
import { AgendaPage } from './AgendaPage';
import { MinutesPage } from './MinutesPage';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ForumsPage } from '../forums/ForumsPage';
import { MeetingPage } from './MeetingPage';
import { MeetingsListPage } from './MeetingsListPage';
import { NewMeetingPage } from './NewMeetingPage';

/**
 * "Møder" (issue 14): the caller's meetings, a new meeting, one meeting (/moeder/:id), and the
 * forums (/moeder/fora). The meeting's agenda (/moeder/:id/dagsorden) and minutes
 * (/moeder/:id/referat) are their own modules' pages, linked from the meeting page.
 */
export function MeetingsApp() {
  return (
    <Routes>
      <Route index element={<MeetingsListPage />} />
      <Route path="ny" element={<NewMeetingPage />} />
      <Route path="fora" element={<ForumsPage />} />
      <Route path=":id" element={<MeetingPage />} />
      <Route path=":id/dagsorden" element={<AgendaPage />} />
      <Route path=":id/referat" element={<MinutesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
