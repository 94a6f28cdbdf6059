import { useEffect, useId, useRef, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { dkfdsScript } from './dkfdsScript';

/**
 * dkfds tabs, driven by the dkfds script (`Tabs` of the `dkfds` package). React draws the dkfds
 * markup — `tab-container` > `tab-list` (role tablist) > `tab-button`s, then one `tab-panel` per
 * tab, all but the chosen one `hidden` — and the script does the rest: a click, the arrow keys
 * (wrapping around), Home and End show a tab, and only the chosen tab is in the tab order.
 *
 * React keeps only what the script cannot do:
 * - Only the chosen tab's panel holds content (`children`): a panel's content may load data when
 *   it is shown. When the script shows a tab, its `fds.tab.changed` is told to `onSelect`, and the
 *   content moves to that panel in the same event. `selected` is controlled: the parent chooses
 *   the tab it is told (as `useState`'s setter does).
 * - The script reads the buttons and panels once (`init`), so a new set of tabs is a new
 *   container (`key`).
 *
 * `TabNav` is dkfds's navigation tabs (links, no script): router links to addresses (a case's
 * parts), `aria-current="page"` on the current one, which React Router decides.
 */

export interface Tab<K extends string> {
  key: K;
  label: ReactNode;
}

interface TabsProps<K extends string> {
  /** What the tabs choose between, for screen readers. */
  label: string;
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** The chosen tab's panel. */
  children: ReactNode;
}

export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: TabsProps<K>) {
  const base = useId();
  const keys = tabs.map((tab) => tab.key);
  const tabId = (key: K) => `${base}-tab-${key}`;
  const panelId = (key: K) => `${base}-panel-${key}`;
  const containerRef = useDkfdsTabs(keys, selected, onSelect);

  return (
    <div ref={containerRef} key={keys.join('\n')} className="tab-container">
      <div className="tab-list" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            className="tab-button"
            id={tabId(tab.key)}
            data-tab={tab.key}
            aria-selected={tab.key === selected}
            aria-controls={panelId(tab.key)}
            tabIndex={tab.key === selected ? 0 : -1}
          >
            <span>{tab.label}</span>
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          className="tab-panel"
          role="tabpanel"
          tabIndex={0}
          id={panelId(tab.key)}
          aria-labelledby={tabId(tab.key)}
          hidden={tab.key !== selected}
        >
          {tab.key === selected && children}
        </div>
      ))}
    </div>
  );
}

/** Containers the script has `init`-ed: its listeners stay, so strict mode's second run skips. */
const started = new WeakSet<HTMLElement>();

/**
 * Starts the dkfds script on the tab container once its markup is complete (two tabs or more,
 * one of them chosen: `init` throws otherwise), and tells `onSelect` which tab the script shows.
 */
function useDkfdsTabs<K extends string>(keys: K[], selected: K, onSelect: (key: K) => void) {
  const containerRef = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  const ready = keys.length >= 2 && keys.includes(selected);
  const keySet = keys.join('\n');

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !ready) return;
    if (!started.has(container)) {
      new (dkfdsScript().Tabs)(container).init();
      started.add(container);
    }
    const onChanged = () => {
      const chosen = container.querySelector<HTMLElement>('.tab-button[aria-selected="true"]');
      const key = chosen?.dataset.tab;
      if (key !== undefined) onSelectRef.current(key as K);
    };
    container.addEventListener('fds.tab.changed', onChanged);
    return () => container.removeEventListener('fds.tab.changed', onChanged);
  }, [ready, keySet]);

  return containerRef;
}

interface TabNavProps {
  /** What the links lead between, for screen readers (the nav's name). */
  label: string;
  links: { key: string; to: string; label: ReactNode; end?: boolean }[];
  className?: string;
}

/** dkfds navigation tabs: links, the current one marked `aria-current="page"`. */
export function TabNav({ label, links, className }: TabNavProps) {
  return (
    <nav aria-label={label} className={className ? `tab-container ${className}` : 'tab-container'}>
      <ul className="tab-list">
        {links.map((link) => (
          <li key={link.key}>
            <NavLink to={link.to} end={link.end} className="tab-button">
              <span>{link.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
