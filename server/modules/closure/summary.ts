import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import { presentChanges, storedConcernNames } from '../cases/intervention-names.ts';
import { personName } from '../cases/queries.ts';
import { heldFollowUps } from '../follow-ups/closing.ts';
import { planRows } from '../plans/queries.ts';
import { approvedPlan, goalTexts } from './plan-goals.ts';
import { caseClosures, caseInterventions, caseReviews, presentClosures } from './queries.ts';
import {
  latestFinalAssessment,
  summaryCase,
  summaryEvents,
  summaryPersons,
  summaryTeam,
} from './queries-summary.ts';
import type { Closure, Review } from './schema.ts';

/**
 * The case summary (issue 5 item 9): the case's current state and its whole chronology, for a
 * handover and for journalisation in the municipality's record system. It respects the reader's
 * compartment: without it, the classification, the concern summary, the assessment's judgement
 * and compartment events are never read from the database, and a neutral line says that some
 * content is left out; the name of a catalogue entry that reveals the concern is not read either
 * (a neutral name instead). One query per section, never one per event. The PDF is laid out in
 * summary-pdf.ts.
 */
export type ChangeValue = string | number | boolean | null;

export interface CaseSummary {
  reference: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  onHoldReason: string | null;
  onHoldUntil: string | null;
  concernLevel: string | null;
  workSummary: string | null;
  persons: { name: string; role: string; birthDate: string | null }[];
  team: { name: string; role: string; scope: string; unitName: string | null }[];
  /** Only for a reader with the compartment; null otherwise. */
  compartment: {
    extremismForm: string | null;
    extremismFormOther: string | null;
    ageGroup: string | null;
    authorityArea: string | null;
    primaryConcern: boolean | null;
    subjectKind: string | null;
    environment: string | null;
    concernSummary: string | null;
    assessment: {
      number: number;
      finalisedAt: Date | null;
      concernLevel: string | null;
      overallJudgement: string | null;
      /** A child's case (issue 12): the child's own view and how the child was involved. */
      childView: string | null;
      childInvolvement: string | null;
    } | null;
  } | null;
  plan: {
    goals: { text: string; status: string | null; sub: boolean }[];
    agreements: string[];
  } | null;
  interventions: {
    /** Null: an entry that reveals the concern, for a reader without the compartment. */
    typeName: string | null;
    personName: string;
    provider: string | null;
    status: string;
    startsOn: string | null;
    endsOn: string | null;
  }[];
  followUps: { heldOn: string; concernLevel: string | null; concernChange: string | null }[];
  closures: Closure[];
  reviews: Review[];
  /** `changes.intervention.to` null: an entry that reveals the concern, for a reader without it. */
  events: {
    kind: string;
    occurredAt: Date;
    author: string | null;
    noteText: string | null;
    compartment: boolean;
    /** A back-dated event (issue 12): the day it really happened and why it was recorded later. */
    happenedOn: string | null;
    backdateReason: string | null;
    changes: Record<string, { from: ChangeValue; to: ChangeValue }>;
  }[];
}

/** Collects the summary's sections as the reader may see them (undefined: no such case). */
export async function collectCaseSummary(
  db: Kysely<DB>,
  access: CaseAccess,
): Promise<CaseSummary | undefined> {
  const c = await summaryCase(db, access);
  if (!c) return undefined;
  const persons = await summaryPersons(db, access);
  const team = await summaryTeam(db, access);

  let compartment: CaseSummary['compartment'] = null;
  if (access.compartment) {
    const assessment = await latestFinalAssessment(db, access);
    compartment = {
      extremismForm: c.extremism_form,
      extremismFormOther: c.extremism_form_other,
      ageGroup: c.age_group,
      authorityArea: c.authority_area,
      primaryConcern: c.primary_concern,
      subjectKind: c.subject_kind,
      environment: c.environment,
      concernSummary: c.concern_summary,
      assessment: assessment
        ? {
            number: assessment.number,
            finalisedAt: assessment.finalised_at,
            concernLevel: assessment.concern_level,
            overallJudgement: assessment.overall_judgement,
            childView: assessment.child_view,
            childInvolvement: assessment.child_involvement,
          }
        : null,
    };
  }

  const plans = await planRows(db, access);
  const plan = approvedPlan(plans);
  const interventions = await caseInterventions(db, access, access.compartment);
  const followUps = await heldFollowUps(db, access);
  const closureRows = await caseClosures(db, access);
  const reviews = await caseReviews(db, access);
  const eventRows = (await summaryEvents(db, access, access.compartment)).map((e) => ({
    ...e,
    changes: e.changes as CaseSummary['events'][number]['changes'],
  }));
  const concernNames = await storedConcernNames(db, access.municipalityCode, eventRows);

  return {
    reference: c.reference,
    status: c.status,
    openedAt: c.opened_at,
    closedAt: c.closed_at,
    onHoldReason: c.on_hold_reason,
    onHoldUntil: c.on_hold_until,
    concernLevel: c.concern_level,
    workSummary: c.work_summary,
    persons: persons.map((p) => ({ name: personName(p), role: p.role, birthDate: p.birth_date })),
    team: team.map((m) => ({
      name: m.display_name,
      role: m.role,
      scope: m.scope,
      unitName: m.unit_name,
    })),
    compartment,
    plan: plan
      ? {
          goals: plan.goals.map((g) => ({
            text: g.text,
            status: g.status,
            sub: g.parentKey !== null,
          })),
          agreements: plan.agreements,
        }
      : null,
    interventions: interventions.map((i) => ({
      typeName: i.type_name,
      personName: personName(i),
      provider: i.provider_user_name ?? i.provider_name,
      status: i.status,
      startsOn: i.starts_on,
      endsOn: i.ends_on,
    })),
    followUps,
    closures: presentClosures(closureRows, goalTexts(plans), interventions),
    reviews,
    events: eventRows.map((e) => {
      // An entry that reveals the concern: named for a reader with the compartment, else `to` null.
      const { changes, concernChanges } = presentChanges(e, access.compartment, concernNames);
      return {
        kind: e.kind,
        occurredAt: e.occurred_at,
        author: e.display_name,
        noteText: e.note_text,
        compartment: e.compartment,
        happenedOn: e.happened_on,
        backdateReason: e.backdate_reason,
        changes: { ...changes, ...concernChanges },
      };
    }),
  };
}
