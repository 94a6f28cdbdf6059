import type { Kysely } from 'kysely';
import type { Seriousness } from '../../../shared/values.ts';
import {
  MODEL_DEFAULTS,
  type MeetingCadence,
  type OrganisationModel,
  type PoliceParticipation,
} from '../../../shared/organisation-model.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { PURPOSES } from '../../access/record-audit.ts';
import { DEFAULT_DEADLINE_HOURS } from './deadline.ts';
import { checkFilingSettings } from '../filing/settings.ts';
import { findSettingsRow, insertSettingsRow, updateSettingsRow } from './queries-settings.ts';

/**
 * The municipality's settings for inquiries: decision deadlines per seriousness, who triages
 * (the coordinator or the forum), four-eyes on decisions (model 3), how long a "no concern"
 * inquiry's personal data is kept, when reminders go out, who approves action plans, and whether
 * a second coordinator approves a case's closure. A municipality without a row has
 * the defaults (the Copenhagen plan's 24/48/72 hours).
 */
export interface MunicipalitySettings {
  deadlineHours: Record<Seriousness, number>;
  triageBy: 'coordinator' | 'forum';
  fourEyes: boolean;
  noConcernRetentionDays: number;
  reminderHours: number;
  /** Who approves action plans: the case's coordinator, or the steering group (model 3). */
  planApproval: 'coordinator' | 'steering_group';
  /**
   * Days after opening before an active case without a final assessment or an approved plan is
   * on its coordinators' work list.
   */
  caseStartDays: number;
  /** Another coordinator than the proposer approves a case's closure (default on). */
  closureFourEyes: boolean;
  /** Journalisation (filing/): the KLE subject number, handling facet and record system. */
  filingKleCode: string | null;
  filingKleFacet: string | null;
  recordSystemName: string | null;
  /** Whether the filing metadata carries the parties' CPR numbers (default no). */
  filingIncludeCpr: boolean;
  /**
   * The organisation model (1–3, shared/organisation-model.ts) and the settings it proposes
   * besides triageBy, fourEyes and planApproval; a case on hold longer than onHoldAgendaWeeks is
   * proposed for the forum's agenda.
   */
  organisationModel: OrganisationModel;
  assessmentInForum: boolean;
  policeParticipation: PoliceParticipation;
  reReviewAtMeetings: boolean;
  meetingCadence: MeetingCadence;
  onHoldAgendaWeeks: number;
  /** When and by whom the settings were last changed (null while on the defaults). */
  lastChangedAt: string | null;
  lastChangedBy: string | null;
  /** 0 while the municipality still has the defaults. */
  version: number;
}

export const DEFAULT_SETTINGS: MunicipalitySettings = {
  deadlineHours: { ...DEFAULT_DEADLINE_HOURS },
  triageBy: 'coordinator',
  fourEyes: false,
  noConcernRetentionDays: 180,
  reminderHours: 4,
  planApproval: 'coordinator',
  caseStartDays: 14,
  closureFourEyes: true,
  filingKleCode: null,
  filingKleFacet: null,
  recordSystemName: null,
  filingIncludeCpr: false,
  organisationModel: 1,
  ...pick(MODEL_DEFAULTS[1]),
  onHoldAgendaWeeks: 8,
  lastChangedAt: null,
  lastChangedBy: null,
  version: 0,
};

/** The model's settings that are not already among the older ones above. */
function pick(d: (typeof MODEL_DEFAULTS)[OrganisationModel]) {
  const { assessmentInForum, policeParticipation, reReviewAtMeetings, meetingCadence } = d;
  return { assessmentInForum, policeParticipation, reReviewAtMeetings, meetingCadence };
}

const asModel = (n: number): OrganisationModel => (n === 2 || n === 3 ? n : 1);

export async function getSettings(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<MunicipalitySettings> {
  const row = await findSettingsRow(db, municipalityCode);
  if (!row) return DEFAULT_SETTINGS;
  return {
    deadlineHours: {
      high: row.deadline_hours_high,
      medium: row.deadline_hours_medium,
      low: row.deadline_hours_low,
    },
    triageBy: row.triage_by === 'forum' ? 'forum' : 'coordinator',
    fourEyes: row.four_eyes,
    noConcernRetentionDays: row.no_concern_retention_days,
    reminderHours: row.reminder_hours,
    planApproval: row.plan_approval === 'steering_group' ? 'steering_group' : 'coordinator',
    caseStartDays: row.case_start_days,
    closureFourEyes: row.closure_four_eyes,
    filingKleCode: row.filing_kle_code,
    filingKleFacet: row.filing_kle_facet,
    recordSystemName: row.record_system_name,
    filingIncludeCpr: row.filing_include_cpr,
    organisationModel: asModel(row.organisation_model),
    assessmentInForum: row.assessment_in_forum,
    policeParticipation: row.police_participation === 'always' ? 'always' : 'serious',
    reReviewAtMeetings: row.re_review_at_meetings,
    meetingCadence: row.meeting_cadence as MeetingCadence,
    onHoldAgendaWeeks: row.on_hold_agenda_weeks,
    lastChangedAt: row.updated_by ? row.updated_at.toISOString() : null,
    lastChangedBy: row.updated_by_name ?? null,
    version: row.version,
  };
}

export type SettingsChange = Partial<
  Omit<MunicipalitySettings, 'version' | 'lastChangedAt' | 'lastChangedBy'>
> & { version: number };

/**
 * Saves a change with optimistic locking (version 0 creates the row); `actorUserId` is kept as
 * the one who changed the settings last.
 */
export async function saveSettings(
  db: Kysely<DB>,
  municipalityCode: string,
  change: SettingsChange,
  actorUserId: string | null = null,
): Promise<MunicipalitySettings> {
  const current = await getSettings(db, municipalityCode);
  requireVersion(current.version, change.version);
  const next = { ...current, ...change };
  const values = {
    deadline_hours_high: next.deadlineHours.high,
    deadline_hours_medium: next.deadlineHours.medium,
    deadline_hours_low: next.deadlineHours.low,
    triage_by: next.triageBy,
    four_eyes: next.fourEyes,
    no_concern_retention_days: next.noConcernRetentionDays,
    reminder_hours: next.reminderHours,
    plan_approval: next.planApproval,
    case_start_days: next.caseStartDays,
    closure_four_eyes: next.closureFourEyes,
    filing_kle_code: next.filingKleCode,
    filing_kle_facet: next.filingKleFacet,
    record_system_name: next.recordSystemName,
    filing_include_cpr: next.filingIncludeCpr,
    organisation_model: next.organisationModel,
    assessment_in_forum: next.assessmentInForum,
    police_participation: next.policeParticipation,
    re_review_at_meetings: next.reReviewAtMeetings,
    meeting_cadence: next.meetingCadence,
    on_hold_agenda_weeks: next.onHoldAgendaWeeks,
    updated_by: actorUserId,
  };
  const saved =
    change.version === 0
      ? await insertSettingsRow(db, municipalityCode, values)
      : await updateSettingsRow(db, municipalityCode, change.version, values);
  if (!saved) {
    const now = await getSettings(db, municipalityCode);
    throw staleVersion(now.version);
  }
  return getSettings(db, municipalityCode);
}

/**
 * The municipality's administrator changes its settings: saved with optimistic locking and
 * audited in the same transaction. The caller's own municipality; 404 for a user of none.
 */
export async function changeSettings(
  ctx: RequestContext,
  change: SettingsChange,
): Promise<MunicipalitySettings> {
  const code = ownMunicipality(ctx);
  checkFilingSettings(change);
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(trx, code, change, ctx.user.id);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'municipality_settings',
      resourceId: code,
      purpose: PURPOSES.inquiryAssessment,
      requestId: ctx.requestId,
      details: { fields: Object.keys(change).join(',') },
    });
  });
  return getSettings(ctx.db, code);
}

/** The caller's municipality's settings; 404 for a user of none. */
export async function ownSettings(ctx: RequestContext): Promise<MunicipalitySettings> {
  return getSettings(ctx.db, ownMunicipality(ctx));
}

/** The caller's own municipality's code; 404 for a user of none (settings, logo). */
export function ownMunicipality(ctx: RequestContext): string {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  return code;
}
