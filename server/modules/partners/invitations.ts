import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import { createPartnerAccount } from '../../access/partner-accounts.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { queuePartnerInvitation } from '../../platform/mail.ts';
import { auditCaseRead, inCaseTransaction, recordCaseChange } from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { getBases } from '../sharing/bases.ts';
import { requireBasisFits } from '../sharing/fit.ts';
import { findPartnerRow } from '../sharing/queries-partners.ts';
import type { OrganisationKind } from '../../../shared/sharing.ts';
import { LegalBasisKeySchema } from '../sharing/schema.ts';
import { consentCovers } from './consent-cover.ts';
import { basisText, presentAccesses } from './presenting.ts';
import {
  accessHome,
  accessRow,
  accessRows,
  caseCitizen,
  hasLiveAccess,
  insertAccess,
} from './queries.ts';
import {
  insertPartnerUser,
  partnerUserRow,
  renewActivationToken,
} from './queries-partner-users.ts';
import { recordPartnerDisclosure } from './register.ts';
import { categoriesOf, checkGrant } from './rules.ts';
import type { InvitePartnerBody, PartnerAccess } from './schema.ts';

/**
 * The case team's side of partner access (issue 13 part 1): the case's invitations, and a
 * coordinator inviting a named person of a partner organisation into the case (the `partners`
 * part of case-abilities.ts). An invitation is checked whole before anything is stored: the
 * parts, goals and interventions (rules.ts), the basis through the sharing module's fit rule for
 * standing access by the organisation's kind, the purpose, the end date and, for a consent
 * basis, a consent on this case (consentCovers). Stored with it, in one transaction: the
 * partner's account when the person is new (inactive, activated from the e-mail), the chronology
 * event, the disclosure register's entry (made by the product) and the invitation e-mail.
 */

const TOKEN_DAYS = 14;

const fail = (fields: FieldProblem[]) => new AppError('validation_failed', { fields });

export async function listAccesses(
  ctx: RequestContext,
  access: CaseAccess,
  now = new Date(),
): Promise<PartnerAccess[]> {
  requireCaseAbility(access, 'partners', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await accessRows(trx, access);
    await auditCaseRead(trx, ctx, access, { what: 'partner_access' });
    return presentAccesses(trx, rows, danishToday(now), ctx.language);
  });
}

async function presentOne(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  id: string,
  today: string,
): Promise<PartnerAccess> {
  const row = await accessRow(trx, access, id);
  if (!row) throw new AppError('not_found');
  const [presented] = await presentAccesses(trx, [row], today, ctx.language);
  if (!presented) throw new AppError('not_found');
  return presented;
}

/** The partner: an existing partner user of the organisation, or a new person (name, e-mail). */
function checkPerson(body: InvitePartnerBody, problems: FieldProblem[]) {
  if ((body.partnerUserId === null) === (body.newPartner === null)) {
    problems.push({ field: 'body.partnerUserId', code: 'partner_choose_person' });
  }
  if (body.newPartner) {
    if (!body.newPartner.name) problems.push({ field: 'body.newPartner.name', code: 'required' });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(body.newPartner.email)) {
      problems.push({ field: 'body.newPartner.email', code: 'invalid_email' });
    }
  }
}

export async function invitePartner(
  ctx: RequestContext,
  access: CaseAccess,
  body: InvitePartnerBody,
  now = new Date(),
): Promise<{ access: PartnerAccess; created: boolean }> {
  requireCaseAbility(access, 'partners', 'write');
  const today = danishToday(now);
  return inCaseTransaction(ctx, access, 'partners', 'write', async (trx) => {
    const home = await accessHome(trx, body.id);
    if (home) {
      if (home.case_id !== access.caseId || home.municipality_code !== access.municipalityCode) {
        throw new AppError('duplicate', { fields: [{ field: 'body.id', code: 'duplicate' }] });
      }
      return { access: await presentOne(trx, ctx, access, body.id, today), created: false };
    }

    const problems: FieldProblem[] = [];
    // Read in the transaction (PGlite has one connection): the municipality's own only.
    const orgRow = await findPartnerRow(trx, access.municipalityCode, body.organisationId);
    const organisation = orgRow && {
      id: orgRow.id,
      name: orgRow.name,
      kind: orgRow.kind as OrganisationKind,
      active: orgRow.active,
    };
    if (!organisation || !organisation.active) {
      problems.push({ field: 'body.organisationId', code: 'partner_organisation_unknown' });
    }
    checkPerson(body, problems);
    const existing = body.partnerUserId
      ? await partnerUserRow(trx, access.municipalityCode, body.partnerUserId)
      : undefined;
    if (body.partnerUserId && (!existing || existing.organisation_id !== body.organisationId)) {
      problems.push({ field: 'body.partnerUserId', code: 'partner_not_of_organisation' });
    } else if (existing && (await hasLiveAccess(trx, access, existing.user_id, today))) {
      problems.push({ field: 'body.partnerUserId', code: 'partner_already_invited' });
    }
    const grant = await checkGrant(trx, access, body, today, problems);
    if (!body.purpose) problems.push({ field: 'body.purpose', code: 'partner_purpose_required' });

    // The basis: from the sharing module's fit rule, for standing access by this kind.
    const bases = await getBases(trx, access.municipalityCode);
    const key = LegalBasisKeySchema.safeParse(body.legalBasis);
    const basis = key.success ? bases.find((b) => b.key === key.data) : undefined;
    if (!body.legalBasis) {
      problems.push({ field: 'body.legalBasis', code: 'partner_basis_required' });
    } else if (!key.success) {
      problems.push({ field: 'body.legalBasis', code: 'basis_unknown' });
    } else if (organisation) {
      let consentValid = true;
      if (basis?.requiresConsent) {
        // The consent must be the data subject's: the case's citizen, not another person of it.
        const subject = await caseCitizen(trx, access);
        consentValid =
          body.consentId !== null &&
          (await consentCovers(trx, {
            municipalityCode: access.municipalityCode,
            caseId: access.caseId,
            consentId: body.consentId,
            personId: subject?.id ?? null,
            organisationId: organisation.id,
            organisationKind: organisation.kind,
            categories: categoriesOf(grant.parts),
            on: today,
          }));
        if (!consentValid) {
          problems.push({
            field: 'body.consentId',
            code: body.consentId ? 'partner_consent_not_valid' : 'partner_consent_required',
          });
        }
      }
      try {
        requireBasisFits(
          bases,
          key.data,
          { organisationKind: organisation.kind, use: 'standing_access', day: today, consentValid },
          'body.legalBasis',
        );
      } catch (error) {
        const fields = error instanceof AppError ? (error.options.fields ?? []) : [];
        problems.push(...fields.filter((f) => f.code !== 'basis_needs_consent'));
        if (!(error instanceof AppError)) throw error;
      }
    }
    if (problems.length > 0 || !organisation || !basis) throw fail(problems);

    // The partner's account: the one chosen, or a new one (inactive until the e-mail's link).
    let partnerId: string;
    let partnerName: string;
    let token: string | null = null;
    if (existing) {
      partnerId = existing.user_id;
      partnerName = existing.display_name;
      // Never activated (the link expired, or its e-mail was never sent): a fresh link. Not when
      // an administrator revoked it by disabling the account (no token left).
      if (!existing.activated && existing.activation_pending) {
        token = randomBytes(32).toString('base64url');
        await renewActivationToken(trx, {
          userId: partnerId,
          municipalityCode: access.municipalityCode,
          tokenHash: createHash('sha256').update(token).digest('hex'),
          expiresAt: new Date(now.getTime() + TOKEN_DAYS * 86_400_000),
        });
      }
    } else {
      const person = body.newPartner ?? { name: '', email: '' };
      const account = await createPartnerAccount(trx, {
        displayName: person.name,
        email: person.email,
        municipalityCode: access.municipalityCode,
      });
      token = randomBytes(32).toString('base64url');
      await insertPartnerUser(trx, {
        userId: account.id,
        municipalityCode: access.municipalityCode,
        organisationId: organisation.id,
        tokenHash: createHash('sha256').update(token).digest('hex'),
        expiresAt: new Date(now.getTime() + TOKEN_DAYS * 86_400_000),
      });
      partnerId = account.id;
      partnerName = person.name;
    }

    const consentId = basis.requiresConsent ? body.consentId : null;
    await insertAccess(trx, {
      id: body.id,
      caseId: access.caseId,
      municipalityCode: access.municipalityCode,
      partnerUserId: partnerId,
      organisationId: organisation.id,
      parts: grant.parts,
      goalKeys: grant.goalKeys,
      interventionIds: grant.interventionIds,
      legalBasis: basis.key,
      purpose: body.purpose,
      consentId,
      endsOn: body.endsOn,
      invitedBy: ctx.user.id,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'partner_invited',
      action: 'create',
      resourceType: 'partner_access',
      resourceId: body.id,
      changes: {
        partnerOrganisation: { from: null, to: organisation.name },
        partnerPerson: { from: null, to: partnerName },
        partnerParts: { from: null, to: grant.parts.join(', ') },
        legalBasis: { from: null, to: basisText(basis, basis.key, 'da') },
        endsOn: { from: null, to: body.endsOn },
      },
      details: { organisationKind: organisation.kind, parts: grant.parts.join(',') },
    });
    await recordPartnerDisclosure(trx, ctx, access, {
      day: today,
      organisation,
      partnerName,
      categories: categoriesOf(grant.parts),
      legalBasis: basisText(basis, basis.key, 'da'),
      purpose: body.purpose,
    });
    await queuePartnerInvitation(trx, {
      municipalityCode: access.municipalityCode,
      userId: partnerId,
      partnerAccessId: body.id,
      token,
    });
    return { access: await presentOne(trx, ctx, access, body.id, today), created: true };
  });
}
