import { useTranslation } from 'react-i18next';
import { matchPath, NavLink, useLocation } from 'react-router';
import { mayOpen, NAV_ITEMS } from './navigation';
import { useSession } from './session';

interface MainNavigationProps {
  /** `desktop`: the dkfds navigation bar; `mobile`: the list inside the menu drawer. */
  variant: 'desktop' | 'mobile';
  /** Called when a link is followed (the drawer closes itself). */
  onNavigate?: () => void;
}

/**
 * The main menu (dkfds `mainmenu`). The current page's link has aria-current="page". Items the
 * user's abilities do not open are left out.
 */
export function MainNavigation({ variant, onNavigate }: MainNavigationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const abilities = useSession().data?.abilities ?? null;
  const items = NAV_ITEMS.filter((item) => !item.capability || mayOpen(item.capability, abilities));

  const list = (
    <ul className="mainmenu">
      {items.map((item) => {
        const end = item.path === '/';
        const active = matchPath({ path: item.path, end }, pathname) !== null;
        return (
          <li key={item.path} className={active ? 'active current' : undefined}>
            <NavLink to={item.path} end={end} className="nav-link" onClick={onNavigate}>
              <span>{t(item.labelKey)}</span>
            </NavLink>
          </li>
        );
      })}
    </ul>
  );

  if (variant === 'mobile') {
    return (
      <nav className="navigation-menu-mobile" aria-label={t('nav.label')}>
        {list}
      </nav>
    );
  }
  return (
    <div className="navigation-menu">
      <div className="navigation-menu-inner container">
        <nav className="nav" aria-label={t('nav.label')}>
          {list}
        </nav>
      </div>
    </div>
  );
}
