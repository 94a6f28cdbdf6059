import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { NavLink } from 'react-router';

/**
 * dkfds tabs (`tab-container`, `tab-list`, `tab-button`, `tab-panel`) with the keyboard of the
 * dkfds script: arrow keys move to the previous / next tab and show it (wrapping around), Home and
 * End to the first and last; only the chosen tab is in the tab order.
 *
 * `Tabs` shows panels on the page; `TabNav` is the same look for links to addresses (a case's
 * parts), with `aria-current="page"` on the current one.
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

const STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 };

export function Tabs<K extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: TabsProps<K>) {
  const base = useId();
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${base}-tab-${key}`;
  const panelId = `${base}-panel`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((tab) => tab.key === selected);
    let next: number | undefined;
    if (event.key in STEP) next = (index + (STEP[event.key] ?? 0) + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const key = tabs[next]?.key;
    if (key === undefined) return;
    onSelect(key);
    buttons.current.get(key)?.focus();
  };

  return (
    <div className="tab-container">
      <ul className="tab-list" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <li key={tab.key} role="presentation">
            <button
              ref={(element) => {
                if (element) buttons.current.set(tab.key, element);
                else buttons.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              className="tab-button"
              id={tabId(tab.key)}
              aria-selected={tab.key === selected}
              aria-controls={panelId}
              tabIndex={tab.key === selected ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              onKeyDown={onKeyDown}
            >
              <span>{tab.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="tab-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(selected)}>
        {children}
      </div>
    </div>
  );
}

interface TabNavProps {
  /** What the links lead between, for screen readers (the nav's name). */
  label: string;
  links: { key: string; to: string; label: ReactNode; end?: boolean }[];
  className?: string;
}

/** dkfds tabs as navigation: links, the current one marked `aria-current="page"`. */
export function TabNav({ label, links, className }: TabNavProps) {
  return (
    <nav aria-label={label} className={className}>
      <div className="tab-container">
        <ul className="tab-list">
          {links.map((link) => (
            <li key={link.key}>
              <NavLink to={link.to} end={link.end} className="tab-button">
                <span>{link.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
