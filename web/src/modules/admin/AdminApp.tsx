import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSession, type Abilities } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { TabNav } from '../../ui/Tabs';
import { AuditPage } from './AuditPage';
import { SettingsPage } from './SettingsPage';
import { UnitsPage } from './UnitsPage';
import { UserCreatePage } from './UserCreatePage';
import { UserEditPage } from './UserEditPage';
import { UsersPage } from './UsersPage';
import { CataloguePage } from '../interventions/CataloguePage';
import { PartnersPage } from '../sharing/PartnersPage';
import { ProcessingRecordPage } from '../notice/ProcessingRecordPage';
import { GuidanceAdminPage } from '../guidance/GuidanceAdminPage';
import './admin.css';

type Tab =
  | 'users'
  | 'units'
  | 'audit'
  | 'settings'
  | 'guidance'
  | 'catalogue'
  | 'partners'
  | 'processingRecord';

/**
 * What opens a sub-page: an administration ability, changing the municipality's settings, or
 * managing the interventions catalogue (municipal administrators and coordinators).
 */
type Ability = 'users' | 'audit' | 'settings' | 'catalogue' | 'partners' | 'processingRecord';

/** Absolute paths: relative links would resolve against the current (nested) page. */
const TABS: { id: Tab; path: string; ability: Ability }[] = [
  { id: 'users', path: '/administration/brugere', ability: 'users' },
  { id: 'units', path: '/administration/enheder', ability: 'users' },
  { id: 'audit', path: '/administration/revisionsspor', ability: 'audit' },
  { id: 'settings', path: '/administration/indstillinger', ability: 'settings' },
  { id: 'guidance', path: '/administration/vejledninger', ability: 'settings' },
  { id: 'catalogue', path: '/administration/indsatskatalog', ability: 'catalogue' },
  { id: 'partners', path: '/administration/samarbejdspartnere', ability: 'partners' },
  {
    id: 'processingRecord',
    path: '/administration/behandlingsfortegnelse',
    ability: 'processingRecord',
  },
];

function allows(abilities: Abilities | null | undefined, ability: Ability): boolean {
  if (!abilities) return false;
  if (ability === 'settings') return abilities.settings.edit;
  if (ability === 'catalogue') return abilities.catalogue.manage;
  if (ability === 'partners') return abilities.partners.manage;
  return abilities.admin[ability];
}

function useAllowedTabs() {
  const abilities = useSession().data?.abilities;
  return TABS.filter((tab) => allows(abilities, tab.ability));
}

/** A sub-page the user's abilities do not open gets a short explanation instead. */
function Allowed({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { t } = useTranslation();
  const abilities = useSession().data?.abilities;
  if (!allows(abilities, ability)) return <p className="font-lead">{t('admin.denied')}</p>;
  return children;
}

/**
 * The administration under /administration: one heading, a sub-menu with the parts the user's
 * abilities open (users and units for administrators, the audit trail for administrators and
 * the data-protection role, the inquiry settings for the municipal administrator), and the
 * chosen part below.
 */
function AdminLayout() {
  const { t } = useTranslation();
  const tabs = useAllowedTabs();
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <TabNav
        className="admin-subnav"
        label={t('admin.subnavLabel')}
        links={tabs.map((tab) => ({ key: tab.id, to: tab.path, label: t(`admin.tabs.${tab.id}`) }))}
      />
      <Outlet />
    </>
  );
}

/** The first part the user may open, as the administration's start page. */
function AdminIndex() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const first = useAllowedTabs()[0];
  if (!first) return <p className="font-lead">{t('admin.denied')}</p>;
  return <Navigate to={first.path} replace />;
}

/** The administration's routes, below /administration/*. */
export function AdminApp() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<AdminIndex />} />
        <Route
          path="brugere"
          element={
            <Allowed ability="users">
              <UsersPage />
            </Allowed>
          }
        />
        <Route
          path="brugere/ny"
          element={
            <Allowed ability="users">
              <UserCreatePage />
            </Allowed>
          }
        />
        <Route
          path="brugere/:id"
          element={
            <Allowed ability="users">
              <UserEditPage />
            </Allowed>
          }
        />
        <Route
          path="enheder"
          element={
            <Allowed ability="users">
              <UnitsPage />
            </Allowed>
          }
        />
        <Route
          path="revisionsspor"
          element={
            <Allowed ability="audit">
              <AuditPage />
            </Allowed>
          }
        />
        <Route
          path="indstillinger"
          element={
            <Allowed ability="settings">
              <SettingsPage />
            </Allowed>
          }
        />
        <Route
          path="vejledninger"
          element={
            <Allowed ability="settings">
              <GuidanceAdminPage />
            </Allowed>
          }
        />
        <Route path="indsatskatalog" element={<CataloguePage />} />
        <Route
          path="samarbejdspartnere"
          element={
            <Allowed ability="partners">
              <PartnersPage />
            </Allowed>
          }
        />
        <Route
          path="behandlingsfortegnelse"
          element={
            <Allowed ability="processingRecord">
              <ProcessingRecordPage />
            </Allowed>
          }
        />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
