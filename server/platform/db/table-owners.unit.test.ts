import { describe, expect, it } from 'vitest';
import { serverSources } from '../../test/source-files.ts';

/**
 * One owner per table: each table is written (insert, update, delete) only by the module that
 * owns it; anyone else calls that module's exported functions. This test reads the server's
 * source and fails when a file outside the owner writes a table, so a new module cannot start
 * writing another's table unnoticed. The demo seed and the tests build fixtures and are exempt.
 *
 * The few writes still made from outside are listed in KNOWN, each with its reason; the list
 * may only shrink (an entry that no longer happens fails too, so it is removed when fixed).
 */
const OWNERS: Record<string, readonly string[]> = {
  // Case work: the cases module owns the case and who is on it.
  cases: ['server/modules/cases'],
  case_members: ['server/modules/cases'],
  case_persons: ['server/modules/cases'],
  case_events: ['server/modules/cases'],
  case_event_kinds: ['server/modules/cases'],
  access_grants: ['server/modules/cases'],
  case_assessments: ['server/modules/assessments'],
  case_plans: ['server/modules/plans'],
  case_interventions: ['server/modules/case-interventions'],
  intervention_sessions: ['server/modules/case-interventions'],
  case_intervention_participants: ['server/modules/case-interventions'],
  case_consents: ['server/modules/case-interventions'],
  case_offers: ['server/modules/case-interventions'],
  case_follow_ups: ['server/modules/follow-ups'],
  case_closures: ['server/modules/closure'],
  case_reviews: ['server/modules/closure'],
  case_filings: ['server/modules/filing'],
  // The disclosure register (issue 13): other modules call recordDisclosure.
  disclosures: ['server/modules/disclosures'],
  disclosure_persons: ['server/modules/disclosures'],
  case_notices: ['server/modules/notice'],
  // The citizen's access requests (aktindsigt, issue 13 part 7).
  access_requests: ['server/modules/access-requests'],
  access_request_items: ['server/modules/access-requests'],
  // Across municipalities (issue 13 part 5): forwardings and case transfers.
  inquiry_forwardings: ['server/modules/transfers'],
  case_transfers: ['server/modules/transfers'],
  // Inquiries and persons.
  inquiries: ['server/modules/inquiries'],
  inquiry_persons: ['server/modules/inquiries'],
  inquiry_signs: ['server/modules/inquiries'],
  inquiry_events: ['server/modules/inquiries'],
  // The police's feedback on an inquiry handed to them (0045).
  police_feedback: ['server/modules/inquiries'],
  inquiry_decisions: ['server/modules/inquiries'],
  inquiry_contributions: ['server/modules/inquiries'],
  inquiry_drafts: ['server/modules/inquiries'],
  municipality_settings: ['server/modules/inquiries'],
  municipality_logos: ['server/modules/inquiries'],
  reference_counters: ['server/modules/inquiries'],
  legal_provisions: ['server/modules/inquiries'],
  // Sharing outside the team: the legal bases and the partner organisations.
  legal_bases: ['server/modules/sharing'],
  partner_organisations: ['server/modules/sharing'],
  // Retention (issue 13 part 6): periods, legal holds, archival exports, tombstones; the audit
  // trail's anchors with the audit trail.
  retention_periods: ['server/modules/retention'],
  legal_holds: ['server/modules/retention'],
  archive_exports: ['server/modules/retention'],
  archive_export_records: ['server/modules/retention'],
  retention_tombstones: ['server/modules/retention'],
  audit_anchors: ['server/platform/audit'],
  // Partners invited into one case (0037).
  partner_users: ['server/modules/partners'],
  case_partner_access: ['server/modules/partners'],
  persons: ['server/modules/persons'],
  person_relations: ['server/modules/persons'],
  // Everyone's notices, through one service.
  notifications: ['server/modules/notifications'],
  email_outbox: ['server/platform/mail.ts'],
  // Organisation, forums, catalogue.
  forums: ['server/modules/forums'],
  forum_members: ['server/modules/forums'],
  // A forum's meetings (0044).
  meetings: ['server/modules/meetings'],
  meeting_agenda_items: ['server/modules/meetings'],
  meeting_participants: ['server/modules/meetings'],
  meeting_external_guests: ['server/modules/meetings'],
  // Meeting the citizen: contact attempts and meetings with the citizen (0049).
  citizen_contact_attempts: ['server/modules/citizen-meetings'],
  citizen_meetings: ['server/modules/citizen-meetings'],
  // The minutes of a meeting (0048).
  meeting_minutes: ['server/modules/meetings'],
  meeting_minutes_items: ['server/modules/meetings'],
  meeting_minutes_tasks: ['server/modules/meetings'],
  // The network analysis map (0050) and the municipality's guidance texts (0050).
  network_map_versions: ['server/modules/network-maps'],
  guidance_overrides: ['server/modules/guidance'],
  // The housing-area model (0052): areas at levels and the partners granted an area.
  housing_areas: ['server/modules/housing-areas'],
  housing_area_parts: ['server/modules/housing-areas'],
  housing_area_partners: ['server/modules/housing-areas'],
  // Mapping rounds and their contributions (0053).
  area_rounds: ['server/modules/area-rounds'],
  area_round_contributions: ['server/modules/area-rounds'],
  implementation_items: ['server/modules/implementation'],
  implementation_item_changes: ['server/modules/implementation'],
  implementation_reviews: ['server/modules/implementation'],
  implementation_profiles: ['server/modules/implementation'],
  // Area interventions of phase 3 (0056).
  area_interventions: ['server/modules/area-work'],
  area_intervention_entries: ['server/modules/area-work'],
  // The area overview of a systematised round (0054).
  area_round_overviews: ['server/modules/area-rounds'],
  // The area analysis and the area action plan with its goals' follow-up (0055).
  area_analyses: ['server/modules/area-plans'],
  area_action_plans: ['server/modules/area-plans'],
  area_plan_goal_follow_ups: ['server/modules/area-plans'],
  intervention_types: ['server/modules/interventions'],
  units: ['server/modules/admin'],
  user_units: ['server/modules/admin'],
  municipalities: ['server/modules/organisation'],
  police_districts: ['server/modules/organisation'],
  // Accounts and login: the administration and the login path (access + auth) share users.
  users: ['server/modules/admin', 'server/modules/auth', 'server/access'],
  sessions: ['server/access'],
  login_throttle: ['server/access'],
  recovery_codes: ['server/access', 'server/modules/auth'],
  webauthn_credentials: ['server/access', 'server/modules/auth'],
  webauthn_challenges: ['server/access', 'server/modules/auth'],
  app_settings: ['server/platform'],
};

/** Writes from outside the owner that remain, as `file → table`, with the reason. */
const KNOWN: Record<string, string> = {};

const WRITE = /\.(insertInto|updateTable|deleteFrom)\(\s*'([a-z_]+)(?: as [a-z_]+)?'\s*\)/g;

function writes(): { file: string; table: string }[] {
  return serverSources(['server/demo/', 'server/test/', 'server/cli/']).flatMap(({ file, text }) =>
    [...text.matchAll(WRITE)].map((m) => ({ file, table: m[2] ?? '' })),
  );
}

const owns = (file: string, table: string) =>
  (OWNERS[table] ?? []).some((owner) => file === owner || file.startsWith(`${owner}/`));

describe('one owner per table', () => {
  const found = writes();

  it('finds the writes it checks (the pattern still matches the code)', () => {
    expect(found.length).toBeGreaterThan(100);
  });

  it('every table that is written has an owner', () => {
    const orphans = [...new Set(found.map((w) => w.table))].filter((t) => !(t in OWNERS));
    expect(orphans).toEqual([]);
  });

  it('no module writes another module’s table, beyond the listed remainders', () => {
    const outside = [
      ...new Set(found.filter((w) => !owns(w.file, w.table)).map((w) => `${w.file} → ${w.table}`)),
    ].sort();
    expect(outside.filter((key) => !(key in KNOWN))).toEqual([]);
    expect(Object.keys(KNOWN).filter((key) => !outside.includes(key))).toEqual([]);
  });
});
