import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { AnalysisSection } from './AnalysisSection';
import { AreaPlanSection } from './AreaPlanSection';

/**
 * The area's "Analyse og handleplan" tab (issue 16 part 4): the area analysis
 * (/boligomraader/:id/analyse) and the area action plan (/boligomraader/:id/analyse/handleplan).
 * What the caller may do comes with each answer from the server (its abilities).
 */
export function AreaPlanTab() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <>
      <nav aria-label={t('areaPlans.nav')}>
        <ul className="nobullet-list area-plan-nav">
          <li>
            <NavLink end to={`/boligomraader/${id}/analyse`}>
              {t('areaPlans.analysis.heading')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/boligomraader/${id}/analyse/handleplan`}>
              {t('areaPlans.plan.heading')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<AnalysisSection areaId={id} />} />
        <Route path="handleplan" element={<AreaPlanSection areaId={id} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
