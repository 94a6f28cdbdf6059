import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { AreaInterventionsTab } from '../area-work/AreaInterventionsTab';
import { IdentificationTab } from '../area-work/IdentificationTab';
import { AreaPlanTab } from '../area-plans/AreaPlanTab';
import { RoundsTab } from '../area-rounds/RoundsTab';
import { ImplementationPage } from '../implementation/ImplementationPage';
import { AreaFiguresPage } from './AreaFiguresPage';
import { AreaMapTab } from './AreaMapTab';
import { AreaPage } from './AreaPage';
import { AreasListPage } from './AreasListPage';
import { NewAreaPage } from './NewAreaPage';

/**
 * "Boligområder" (issue 16, the housing-area model): the municipality's areas, a new area, one
 * area (/boligomraader/:id) with its tabs — the map and levels, the mapping rounds, the analysis
 * and action plan, the interventions, the identification forms — and the coordinator's
 * implementation follow-up (/boligomraader/implementering). Each tab is its own module's page;
 * the area page gives them the area and its abilities (areaContext.ts).
 */
export function AreasApp() {
  return (
    <Routes>
      <Route index element={<AreasListPage />} />
      <Route path="ny" element={<NewAreaPage />} />
      <Route path="tal" element={<AreaFiguresPage />} />
      <Route path="implementering/*" element={<ImplementationPage />} />
      <Route path=":id" element={<AreaPage />}>
        <Route index element={<AreaMapTab />} />
        <Route path="kortlaegning/*" element={<RoundsTab />} />
        <Route path="analyse/*" element={<AreaPlanTab />} />
        <Route path="indsatser/*" element={<AreaInterventionsTab />} />
        <Route path="identifikation/*" element={<IdentificationTab />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
