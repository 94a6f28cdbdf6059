/** The capabilities Tovholder is growing into, each with its own route and main menu item. */
export const CAPABILITIES = [
  { id: 'inquiries', path: '/henvendelser' },
  { id: 'cases', path: '/sager' },
  { id: 'tasks', path: '/opgaver' },
  { id: 'meetings', path: '/moeder' },
  { id: 'housingAreas', path: '/boligomraader' },
  { id: 'statistics', path: '/statistik' },
  { id: 'administration', path: '/administration' },
] as const;

export type CapabilityId = (typeof CAPABILITIES)[number]['id'];

export interface NavItem {
  path: string;
  labelKey: `nav.${'home' | CapabilityId}`;
}

/** The main menu: the front page first, then the capabilities. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  ...CAPABILITIES.map((c): NavItem => ({ path: c.path, labelKey: `nav.${c.id}` })),
];
