import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ProfileAnswers } from '../../shared/implementation.ts';
import type { DB } from '../platform/db/schema.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { addDays } from '../modules/follow-ups/schedule.ts';

const DEMO_MUNICIPALITY_CODE = '999';

/**
 * Demo Kommune's implementation follow-up (issue 16 part 6): the leadership items in place, some
 * of the phases' steps under way, one earlier review of the checklist and one version of the
 * self-profile — fictional, about the organisation only. Once (when Demo Kommune has no review
 * yet), so later changes by demo users are left alone; a handful of rows. Needs no housing area.
 */
const ITEMS: {
  key: string;
  status: 'in_place' | 'under_way' | 'not_relevant';
  responsible: string | null;
  responsibleText: string | null;
  evidence: string | null;
  reason?: string;
  reviewInDays: number | null;
}[] = [
  {
    key: 'leadership_anchoring',
    status: 'in_place',
    responsible: null,
    responsibleText: 'Styregruppen (direktørerne for børn, social og beskæftigelse)',
    evidence: 'Kommissorium vedtaget af direktionen; referat fra styregruppen 3/9',
    reviewInDays: 90,
  },
  {
    key: 'coordinator_and_team',
    status: 'in_place',
    responsible: 'demo.tovholder',
    responsibleText: null,
    evidence: 'Nørrevangs områdeteam nedsat; kommissorium for teamet',
    reviewInDays: 90,
  },
  {
    key: 'knowledge_sharing',
    status: 'in_place',
    responsible: 'demo.tovholder',
    responsibleText: null,
    evidence: 'Fast punkt om vidensdeling på områdemøderne; samtykkeprocedure beskrevet',
    reviewInDays: 90,
  },
  {
    key: 'meeting_structure',
    status: 'under_way',
    responsible: 'demo.tovholder2',
    responsibleText: null,
    evidence: 'Drejebog for områdemøder i udkast',
    reviewInDays: 30,
  },
  {
    key: 'area_mapping_cadence',
    status: 'under_way',
    responsible: null,
    responsibleText: 'Områdeteamet sammen med boligselskabets boligsociale medarbejdere',
    evidence: 'Første kortlægningsrunde i Nørrevang holdt; kvartalsvis kadence besluttet',
    reviewInDays: 45,
  },
  {
    key: 'identification_tools_available',
    status: 'under_way',
    responsible: 'demo.tovholder',
    responsibleText: null,
    evidence: 'Værktøj 4a og 4b præsenteret for klubmedarbejderne',
    reviewInDays: 60,
  },
  {
    key: 'citizen_analysis',
    status: 'not_relevant',
    responsible: null,
    responsibleText: null,
    evidence: null,
    reason: 'Varetages allerede i Infohus Kommune efter kommunens arbejdsgang',
    reviewInDays: null,
  },
];

const PROFILE: ProfileAnswers = {
  strategy: 'adopted',
  strategyNote:
    'Strategi for forebyggelse af ekstremisme vedtaget i byrådet; revideres hvert andet år',
  workflows: 'fixed',
  workflowsNote: 'Fast arbejdsgang fra bekymringshenvendelse til vurdering i Infohus Kommune',
  anchoredIn: 'ssp',
  anchoredNote: 'Koordinatorfunktionen ligger i SSP-sekretariatet',
  actors: [
    'ssp',
    'schools',
    'children_youth',
    'social_family',
    'jobcenter',
    'police',
    'housing_social',
  ],
  groups: ['steering_group'],
  adHocActors: 'Psykiatrien og Kriminalforsorgen efter behov',
  notes: null,
};

export async function seedDemoImplementation(db: Kysely<DB>, now = new Date()): Promise<void> {
  const code = DEMO_MUNICIPALITY_CODE;
  const done = await db
    .selectFrom('implementation_reviews')
    .select('id')
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  if (done) return;
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('username', 'in', ['demo.tovholder', 'demo.tovholder2'])
    .execute();
  const coordinator = users.find((u) => u.username === 'demo.tovholder');
  if (!coordinator) return;
  const today = danishToday(now);
  await db.transaction().execute(async (trx) => {
    for (const item of ITEMS) {
      const responsible = users.find((u) => u.username === item.responsible) ?? null;
      const fields = {
        status: item.status,
        not_relevant_reason: item.reason ?? null,
        responsible_user_id: responsible?.id ?? null,
        responsible_text: item.responsibleText,
        evidence: item.evidence,
        next_review_on: item.reviewInDays === null ? null : addDays(today, item.reviewInDays),
      };
      await trx
        .insertInto('implementation_items')
        .values({
          municipality_code: code,
          item_key: item.key,
          updated_by: coordinator.id,
          ...fields,
        })
        .onConflict((oc) => oc.columns(['municipality_code', 'item_key']).doNothing())
        .execute();
      await trx
        .insertInto('implementation_item_changes')
        .values({
          id: randomUUID(),
          municipality_code: code,
          item_key: item.key,
          changed_by: coordinator.id,
          old_values: null,
          new_values: JSON.stringify({
            status: item.status,
            notRelevantReason: fields.not_relevant_reason,
            responsibleUser: responsible
              ? { id: responsible.id, name: responsible.display_name }
              : null,
            responsibleText: fields.responsible_text,
            evidence: fields.evidence,
            nextReviewOn: fields.next_review_on,
          }),
        })
        .execute();
    }
    await trx
      .insertInto('implementation_reviews')
      .values({
        id: randomUUID(),
        municipality_code: code,
        reviewed_on: addDays(today, -60),
        reviewed_by: coordinator.id,
        conclusion:
          'Ledelsesforankringen er på plads. Drejebog for områdemøder og kadencen for kortlægning mangler.',
        next_review_on: addDays(today, 30),
        created_at: new Date(now.getTime() - 60 * 86_400_000),
      })
      .execute();
    await trx
      .insertInto('implementation_profiles')
      .values({
        id: randomUUID(),
        municipality_code: code,
        number: 1,
        answers: JSON.stringify(PROFILE),
        saved_by: coordinator.id,
      })
      .onConflict((oc) => oc.columns(['municipality_code', 'number']).doNothing())
      .execute();
  });
}
