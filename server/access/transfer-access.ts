import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { inquiryIsOpen } from './inquiry-abilities.ts';
import { findInquiryAccess } from './inquiry-access.ts';
import { incomingTransferRow, recordedInquiryRow } from './queries-transfers.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may do what across municipalities (issue 13 part 5, docs/TRANSFERS.md): the one place
 * that decides it.
 *
 * Forwarding an inquiry to the municipality it belongs to:
 * - a coordinator of the inquiry's municipality, while the inquiry is open (received or triaged);
 * - the hotline employee who recorded it (role `hotline`), while nobody has started on it
 *   (received). The hotline sees only that it was forwarded and where, never the inquiry.
 * Anyone else gets the inquiry's ordinary answer: 404 if they may not see it, 403 if they may.
 *
 * A case transfer is proposed by a coordinator of the case (the `transfer` part of
 * case-abilities.ts). An incoming transfer is seen, accepted and declined by the coordinators of
 * the municipality it is addressed to, and by nobody else (404, as for a transfer that does not
 * exist): until accepted they see only its neutral facts (the sending municipality, the day, the
 * reason and basis, what would be copied), never the case.
 */
export interface ForwardingPlace {
  inquiryId: string;
  municipalityCode: string;
  status: string;
  version: number;
  /** A coordinator of the inquiry's municipality. */
  coordinator: boolean;
  /** The hotline employee who recorded it. */
  recorder: boolean;
}

export const ForwardingAbilitiesSchema = z
  .object({ forward: z.boolean() })
  .describe('What the caller may do with the inquiry across municipalities right now.');
export type ForwardingAbilities = z.infer<typeof ForwardingAbilitiesSchema>;

/** The caller's place for forwarding the inquiry, or undefined (answer 404). */
export async function findForwardingPlace(
  db: Kysely<DB>,
  user: CurrentUser,
  inquiryId: string,
): Promise<ForwardingPlace | undefined> {
  const access = await findInquiryAccess(db, user, inquiryId);
  if (access) {
    return {
      inquiryId,
      municipalityCode: access.municipalityCode,
      status: access.status,
      version: access.version,
      coordinator: access.coordinator,
      recorder: false,
    };
  }
  if (!user.roles.includes('hotline')) return undefined;
  const row = await recordedInquiryRow(db, user, inquiryId);
  if (!row) return undefined;
  return {
    inquiryId,
    municipalityCode: row.municipality_code,
    status: row.status,
    version: row.version,
    coordinator: false,
    recorder: true,
  };
}

export function forwardingAbilities(place: ForwardingPlace): ForwardingAbilities {
  return {
    forward:
      (place.coordinator && inquiryIsOpen(place.status)) ||
      (place.recorder && place.status === 'received'),
  };
}

/** 403 `forbidden` unless the caller's place allows forwarding (the state is the service's). */
export function requireForwardPlace(place: ForwardingPlace): void {
  if (!place.coordinator && !place.recorder) throw new AppError('forbidden');
}

/** Whether the caller sees their municipality's incoming transfers (its coordinators). */
export function receivesTransfers(user: CurrentUser): string | null {
  return user.roles.includes('coordinator') && user.municipalityCode ? user.municipalityCode : null;
}

/** The municipality whose incoming transfers the caller decides; 403 for anyone else. */
export function requireTransferReceiver(user: CurrentUser): string {
  const municipality = receivesTransfers(user);
  if (!municipality) throw new AppError('forbidden');
  return municipality;
}

/**
 * An incoming transfer the caller may see and decide: addressed to their municipality, and they
 * are a coordinator there. 404 otherwise, as for a transfer that does not exist.
 */
export async function findIncomingTransfer(db: Kysely<DB>, user: CurrentUser, transferId: string) {
  if (!receivesTransfers(user)) return undefined;
  const row = await incomingTransferRow(db, user, transferId);
  return (
    row && {
      transferId: row.id,
      fromMunicipalityCode: row.municipality_code,
      toMunicipalityCode: row.to_municipality_code,
      status: row.status,
      version: row.version,
    }
  );
}
export type IncomingTransferAccess = NonNullable<Awaited<ReturnType<typeof findIncomingTransfer>>>;
