import type { Abilities } from './session';

/** The capabilities Tovholder is growing into, each with its own route and main menu item. */
export const CAPABILITIES = [
  { id: 'inquiries', path: '/henvendelser' },
  { id: 'cases', path: '/sager' },
  { id: 'persons', path: '/personer' },
  { id: 'tasks', path: '/opgaver' },
  { id: 'meetings', path: '/moeder' },
  { id: 'housingAreas', path: '/boligomraader' },
  { id: 'statistics', path: '/statistik' },
  { id: 'accessReports', path: '/indsigt' },
  { id: 'accessRequests', path: '/aktindsigt' },
  { id: 'administration', path: '/administration' },
  // A partner's own cases (issue 13): only for partners invited into cases.
  { id: 'partnerCases', path: '/mine-sager' },
  // A police contact's feedback to the municipalities on inquiries handed to the police (issue 14).
  { id: 'policeFeedback', path: '/tilbagemeldinger' },
] as const;

export type CapabilityId = (typeof CAPABILITIES)[number]['id'];

/**
 * Capabilities that need more than being logged in. The server's abilities decide; the web app
 * never looks at role names. A capability not listed here is open to every logged-in user.
 */
const CAPABILITY_ACCESS: Partial<Record<CapabilityId, (abilities: Abilities) => boolean>> = {
  // Those who only record inquiries (e.g. hotline staff) get the page with "Ny henvendelse".
  inquiries: (abilities) => abilities.inquiries.create || abilities.inquiries.read,
  cases: (abilities) => abilities.records.read,
  // A partner sees nothing of the municipality's but the cases they are invited to.
  partnerCases: (abilities) => abilities.partner.cases,
  policeFeedback: (abilities) => abilities.policeFeedback.send,
  tasks: (abilities) => !abilities.partner.cases,
  // The housing-area model (issue 16): area-access.ts decides per area; partners see the areas
  // they are granted.
  housingAreas: (abilities) => abilities.housingAreas.read || abilities.implementation.read,
  statistics: (abilities) => !abilities.partner.cases,
  persons: (abilities) => abilities.records.read,
  // Meetings and the forums: for those who take part in meetings or work with the forums.
  meetings: (abilities) => abilities.meetings.read || abilities.forums.read,
  // The data-protection role answers citizens' requests; everyone else reaches the access
  // report from the person's page.
  accessReports: (abilities) => abilities.records.accessReport && !abilities.records.read,
  // Citizens' access requests: the data-protection role and coordinators.
  accessRequests: (abilities) => abilities.accessRequests.handle,
  // Users, units and the audit trail; the municipality's settings; the interventions catalogue
  // (which coordinators maintain too).
  administration: (abilities) =>
    abilities.admin.users ||
    abilities.admin.audit ||
    abilities.admin.processingRecord ||
    abilities.settings.edit ||
    abilities.catalogue.manage,
};

/** Whether the user's abilities open a capability (its page and its menu item). */
export function mayOpen(capability: CapabilityId, abilities: Abilities | null): boolean {
  const rule = CAPABILITY_ACCESS[capability];
  if (!rule) return true;
  return abilities !== null && rule(abilities);
}

export interface NavItem {
  path: string;
  labelKey: `nav.${'home' | CapabilityId}`;
  /** The capability behind the item; the front page has none. */
  capability?: CapabilityId;
}

/** The main menu: the front page first, then the capabilities. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  ...CAPABILITIES.map((c): NavItem => ({
    path: c.path,
    labelKey: `nav.${c.id}`,
    capability: c.id,
  })),
];
