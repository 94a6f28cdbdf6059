import { randomUUID } from 'node:crypto';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import { ProfileAnswersSchema, type ProfileAnswers } from '../../../shared/implementation.ts';
import { managerAuditEvent } from '../../platform/audit/manager-event.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, staleVersion, type FieldProblem } from '../../platform/errors.ts';
import { organisationSettings } from '../inquiries/organisation-model.ts';
import * as queries from './queries.ts';
import { changedFields, implementationAbilities, ownMunicipality } from './present.ts';
import type { Profile, ProfileVersion, SaveProfile } from './schema.ts';

/**
 * The municipality's self-profile as the national mapping of 2018 asked it (issue 16 part 6):
 * a versioned form, each save a new version that never changes; every version is kept with what
 * changed since the one before. The organisation model is the organisation settings' (shown).
 */
export async function readProfile(ctx: RequestContext): Promise<Profile> {
  const code = ownMunicipality(ctx.user);
  const [rows, settings] = await Promise.all([
    queries.profileRows(ctx.db, code),
    organisationSettings(ctx.db, code),
  ]);
  const answers = rows.map((r) => ProfileAnswersSchema.parse(r.answers));
  const versions: ProfileVersion[] = rows.map((r, i) => ({
    number: r.number,
    savedAt: new Date(r.saved_at).toISOString(),
    savedBy: { id: r.saved_by, name: r.display_name },
    answers: answers[i] as ProfileAnswers,
    changed: changedFields(answers[i + 1] ?? null, answers[i] as ProfileAnswers),
  }));
  return {
    organisationModel: settings.model,
    versions,
    abilities: implementationAbilities(ctx.user),
  };
}

const TEXT_FIELDS = [
  'strategyNote',
  'workflowsNote',
  'anchoredNote',
  'adHocActors',
  'notes',
] as const;

/** Saves a new version on top of the latest the client saw (a stale `basedOn` answers 409). */
export async function saveProfile(ctx: RequestContext, body: SaveProfile): Promise<Profile> {
  const code = ownMunicipality(ctx.user);
  const problems: FieldProblem[] = TEXT_FIELDS.flatMap((field) => {
    const value = body.answers[field];
    return value && personalReferenceIn(value) !== null
      ? [{ field: `body.answers.${field}`, code: 'implementation_personal_reference' }]
      : [];
  });
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
  const answers: ProfileAnswers = {
    ...body.answers,
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, body.answers[f] || null])),
    actors: [...new Set(body.answers.actors)],
    groups: [...new Set(body.answers.groups)],
  };
  await ctx.db.transaction().execute(async (trx) => {
    const latest = await queries.latestProfileNumber(trx, code);
    if (latest !== body.basedOn) throw staleVersion(latest);
    const id = randomUUID();
    const saved = await queries.insertProfile(trx, {
      id,
      municipality_code: code,
      number: latest + 1,
      answers: JSON.stringify(answers),
      saved_by: ctx.user.id,
    });
    if (!saved) throw staleVersion(latest + 1);
    await writeAudit(
      trx,
      ctx.keys.audit,
      managerAuditEvent(ctx, code, 'implementation_profile', {
        action: 'create',
        resourceId: id,
        details: { number: latest + 1 },
      }),
    );
  });
  return readProfile(ctx);
}
