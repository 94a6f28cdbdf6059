import { ago, dayAgo, event, insertDemoCitizenCase, unitId, type Ctx } from './context.ts';

/** A closed case with its re-reviews ahead, and a case whose 6-month re-review is due. */
export async function seedClosedCases(c: Ctx) {
  const coordinator = c.user('demo.tovholder');
  const transferUnit = await unitId(c, 'children_youth');
  const cases = [
    {
      given: 'Sara Demo',
      family: 'Larsen',
      birth: '2006-03-14',
      closedDaysAgo: 60,
      status: 'closed',
    },
    {
      given: 'Jonas Demo',
      family: 'Petersen',
      birth: '2004-08-09',
      closedDaysAgo: 190,
      status: 'under_review',
    },
  ] as const;
  for (const d of cases) {
    const created = await insertDemoCitizenCase(
      c,
      d,
      {
        status: d.status,
        opened_at: ago(c.now, d.closedDaysAgo + 270),
        closed_at: ago(c.now, d.closedDaysAgo),
        extremism_form: 'right_wing',
        concern_summary: 'Fiktiv demosag: deltog i en højreekstremistisk onlinegruppe.',
        work_summary: 'Mentorforløb og vejledning om uddannelse.',
        age_group: 'adult',
        subject_kind: 'person',
        environment: 'online',
        primary_concern: true,
        authority_area: 'inside',
        concern_level: 'low',
      },
      [['demo.tovholder', 'coordinator']],
    );
    await event(c, created.caseId, d.closedDaysAgo + 200, 'demo.tovholder', 'follow_up_recorded', {
      concernLevel: { from: 'moderate', to: 'low' },
    });
    const closure = await c.trx
      .insertInto('case_closures')
      .values({
        case_id: created.caseId,
        outcome: transferUnit ? 'transferred' : 'handled',
        transferred_unit_id: transferUnit,
        reason:
          'Radikaliseringsbekymringen er håndteret; den fortsatte støtte ligger i det almindelige system.',
        status: 'approved',
        proposed_by: coordinator.id,
        proposed_at: ago(c.now, d.closedDaysAgo + 3),
        decided_by: coordinator.id,
        decided_at: ago(c.now, d.closedDaysAgo),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await event(c, created.caseId, d.closedDaysAgo + 3, 'demo.tovholder', 'closure_proposed');
    await event(c, created.caseId, d.closedDaysAgo, 'demo.tovholder', 'closure_approved', {
      status: { from: 'active', to: 'closed' },
    });
    const closedOn = dayAgo(c.now, d.closedDaysAgo);
    const due = (months: number) => {
      const [y, m, dd] = closedOn.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1 + months, dd));
      return date.toISOString().slice(0, 10);
    };
    await c.trx
      .insertInto('case_reviews')
      .values(
        [6, 12].map((months) => ({
          case_id: created.caseId,
          closure_id: closure.id,
          months,
          due_on: due(months),
          notified_at: d.status === 'under_review' && months === 6 ? ago(c.now, 7) : null,
        })),
      )
      .execute();
    if (d.status === 'under_review') {
      await event(c, created.caseId, 7, null, 'status_changed', {
        status: { from: 'closed', to: 'under_review' },
      });
    }
  }
}
