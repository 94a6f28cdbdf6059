import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ChecklistView } from './ChecklistView';
import { ItemPage } from './ItemPage';
import { ProfilePage } from './ProfilePage';
import { ReviewPage } from './ReviewPage';

/**
 * The coordinator's implementation follow-up (/boligomraader/implementering; issue 16 part 6):
 * the checklist of the housing-area model's parts, one item with its history, a review of the
 * whole checklist, and the municipality's self-profile with its versions. Coordinators change;
 * municipal administrators and leaders read (the abilities the server sends decide the actions).
 */
export function ImplementationPage() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t('implementation.nav.label')}>
        <ul className="nobullet-list implementation-nav">
          <li>
            <NavLink to="/boligomraader/implementering" end>
              {t('implementation.nav.checklist')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/boligomraader/implementering/selvprofil">
              {t('implementation.nav.profile')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<ChecklistView />} />
        <Route path="punkt/:key" element={<ItemPage />} />
        <Route path="gennemgang" element={<ReviewPage />} />
        <Route path="selvprofil" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
