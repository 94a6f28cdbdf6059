import type { Kysely } from 'kysely';
import { MODEL_DEFAULTS } from '../../../shared/organisation-model.ts';
import { PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ChooseModel, OrganisationFlags } from './schema-organisation.ts';
import {
  getSettings,
  ownMunicipality,
  saveSettings,
  type MunicipalitySettings,
} from './settings.ts';

/**
 * The organisation model as configuration (issue 14 part 1). The municipality's administrator
 * chooses model 1, 2 or 3: the model's defaults (shared/organisation-model.ts, MODEL_DEFAULTS)
 * replace the settings it decides, in one transaction with its audit entry; each setting stays
 * adjustable afterwards through the ordinary change of the settings (settings.ts).
 */
export async function chooseOrganisationModel(
  ctx: RequestContext,
  body: ChooseModel,
): Promise<MunicipalitySettings> {
  const code = ownMunicipality(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await saveSettings(
      trx,
      code,
      { version: body.version, organisationModel: body.model, ...MODEL_DEFAULTS[body.model] },
      ctx.user.id,
    );
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'municipality_settings',
      resourceId: code,
      purpose: PURPOSES.inquiryAssessment,
      requestId: ctx.requestId,
      details: { organisationModel: body.model, fields: 'organisationModel' },
    });
  });
  return getSettings(ctx.db, code);
}

/**
 * The organisation model's flags of a municipality: what other modules (meetings, agendas) and
 * the web (through the session) read to follow the model. One read of the settings row.
 */
export async function organisationSettings(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<OrganisationFlags> {
  return organisationFlags(await getSettings(db, municipalityCode));
}

export function organisationFlags(s: MunicipalitySettings): OrganisationFlags {
  return {
    model: s.organisationModel,
    assessmentInForum: s.assessmentInForum,
    // Model 1 holds only the Infohus Kommune meetings with the police.
    forumMeetings: s.organisationModel !== 1,
    reReviewAtMeetings: s.reReviewAtMeetings,
    policeParticipation: s.policeParticipation,
  };
}
