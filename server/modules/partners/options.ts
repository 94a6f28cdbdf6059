import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { partnerUserRows } from './queries-partner-users.ts';
import { caseInterventions, caseLiveConsents, currentPlanGoals } from './queries.ts';
import type { PartnerInviteOptions } from './schema.ts';

/**
 * What the invitation form may choose from: the municipality's partner users (by organisation),
 * the current plan's goals, the case's interventions (a catalogue entry that reveals the concern
 * without its name) and its consents that are not withdrawn. Audited as a read of the case.
 */
export async function inviteOptions(
  ctx: RequestContext,
  access: CaseAccess,
): Promise<PartnerInviteOptions> {
  requireCaseAbility(access, 'partners', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const [users, goals, interventions, consents] = [
      await partnerUserRows(trx, access.municipalityCode),
      await currentPlanGoals(trx, access),
      await caseInterventions(trx, access),
      await caseLiveConsents(trx, access),
    ];
    await auditCaseRead(trx, ctx, access, { what: 'partner_options' });
    return {
      partnerUsers: users.map((u) => ({
        id: u.user_id,
        name: u.display_name,
        organisationId: u.organisation_id,
        activated: u.activated,
      })),
      goals: goals.map((g) => ({ key: g.key, text: g.text })),
      interventions: interventions.map((i) => ({ id: i.id, name: i.name, status: i.status })),
      consents: consents.map((c) => ({ id: c.id, givenOn: c.given_on, purpose: c.purpose })),
    };
  });
}
