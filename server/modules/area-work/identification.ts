import {
  areaAbilities,
  requireArea,
  requireAreaRight,
  type AreaStanding,
} from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import { IDENTIFICATION_SIGNS } from '../../../shared/housing-areas.ts';
import { createInquiry } from '../inquiries/intake.ts';
import type { CreateInquiry, Source } from '../inquiries/schema.ts';
import { areaName } from './queries.ts';
import type { Identification } from './schema.ts';

/**
 * The identification forms of the housing-area model (tools 4a and 4b; issue 16 part 3). Sending
 * one (`identify` on the area: its team, the forum managers, partners granted to contribute)
 * records an ordinary concern inquiry in the municipality's inbox through the inquiries module's
 * intake, with the area as its context: the deadline rules of an inquiry apply, and the sender
 * gets the receipt only. There is no list of identified persons in the area module.
 *
 * The form's content becomes the inquiry's observation, written in Danish (the inbox's
 * language), with the person as the inquiry's main person.
 */
function refuseEmpty(body: Identification) {
  const problems: FieldProblem[] = [];
  if (body.signs.length === 0 && !body.observation) {
    problems.push({ field: 'body.observation', code: 'area_work_identification_empty' });
  }
  const allowed: readonly string[] = IDENTIFICATION_SIGNS[body.tool];
  body.signs.forEach((sign, i) => {
    if (!allowed.includes(sign)) problems.push({ field: `body.signs.${i}`, code: 'invalid_value' });
  });
  if (body.tool === '4b' && body.relation !== null) {
    problems.push({ field: 'body.relation', code: 'invalid_value' });
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

/** The observation the coordinator reads: the form's sections under Danish headings. */
function observationOf(body: Identification, area: string): string {
  const da = (key: string, params?: Record<string, string | number>) =>
    translate('da', `areaWork.observation.${key}`, params);
  const sections = [da('heading', { area, tool: body.tool })];
  if (body.relation) sections.push(da('relation', { relation: da(`relations.${body.relation}`) }));
  if (body.person.age !== null && body.person.birthDate === null) {
    sections.push(da('age', { age: body.person.age }));
  }
  if (body.signs.length > 0) {
    sections.push([da('signs'), ...body.signs.map((s) => `- ${da(`signLabels.${s}`)}`)].join('\n'));
  }
  if (body.observation) sections.push(`${da('observed')}\n${body.observation}`);
  if (body.resources) sections.push(`${da('resources')}\n${body.resources}`);
  if (body.contact) sections.push(`${da('contact')}\n${body.contact}`);
  return sections.join('\n\n');
}

/**
 * Who the inquiry came from, by the sender's role: a partner is the housing area's social worker,
 * the district's police contact in the team is the police, other staff a social worker. Each is a
 * professional, so the form may be a report about a child.
 */
function sourceOf(ctx: RequestContext, standing: AreaStanding): Source {
  if (standing === 'partner') return 'housing_social_worker';
  if (ctx.user.roles.includes('police_contact')) return 'police';
  return 'social_worker';
}

export async function sendIdentification(
  ctx: RequestContext,
  areaId: string,
  body: Identification,
  now = new Date(),
) {
  const access = await requireArea(ctx.db, ctx.user, areaId);
  requireAreaRight(areaAbilities(access, ctx.user).identify);
  refuseEmpty(body);
  const name = await areaName(ctx.db, access.municipalityCode, areaId);
  const inquiry: CreateInquiry = {
    source: sourceOf(ctx, access.standing),
    sourceOther: null,
    channel: 'meeting',
    reporter: { anonymous: false, name: ctx.user.displayName, contact: body.contact },
    receivedAt: now.toISOString(),
    backdateReason: null,
    backdateNote: null,
    observation: observationOf(body, name),
    subjectKind: 'person',
    groupDescription: null,
    persons: [
      {
        new: {
          givenName: body.person.givenName,
          familyName: body.person.familyName,
          birthDate: body.person.birthDate,
          cpr: null,
          address: null,
          phone: null,
        },
        relationToFirst: null,
      },
    ],
    signs: [],
    immediateDanger: body.immediateDanger,
    childReport: body.childReport,
    draftId: null,
  };
  const { receipt, created } = await createInquiry(ctx, inquiry, `area-${body.id}`, now, {
    municipalityCode: access.municipalityCode,
    housingAreaId: areaId,
    identificationTool: body.tool,
    // Checked again inside the inquiry's transaction: a grant revoked meanwhile stores nothing.
    recheck: async (trx) => {
      const again = await requireArea(trx, ctx.user, areaId);
      requireAreaRight(areaAbilities(again, ctx.user).identify);
    },
  });
  return {
    created,
    receipt: {
      inquiryId: receipt.id,
      reference: receipt.reference,
      deadlineAt: receipt.deadlineAt,
      canOpen: receipt.canOpen,
    },
  };
}
