import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useAreaContext } from '../housing-areas/areaContext';
import { OverviewPage } from './OverviewPage';
import { RoundList } from './RoundList';
import { RoundPage } from './RoundPage';

/**
 * The area's mapping rounds (/boligomraader/:id/kortlaegning; issue 16 part 2, the housing-area
 * model's tool 3): the rounds with their status and due dates and a new round started, one round
 * with its contributions (/:roundId), and its area overview with what changed (/:roundId/overblik).
 */
export function RoundsTab() {
  const { area } = useAreaContext();
  return (
    <Routes>
      <Route index element={<RoundList area={area} />} />
      <Route path=":roundId" element={<RoundPage area={area} />} />
      <Route path=":roundId/overblik" element={<OverviewPage area={area} />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
