import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { DocumentContact } from '../../platform/pdf-layout.ts';
import { municipalityLogo } from '../inquiries/logo.ts';
import { findMunicipality } from '../organisation/queries.ts';
import { caseCoordinator } from './queries-documents.ts';
import type { PurposeLimit } from '../../../shared/sharing.ts';

export interface CaseLetterhead {
  municipality: string;
  contact: DocumentContact | null;
  logo: Buffer | null;
  /** The reader's purpose limit (a police user, § 115), printed on every page; see pdf-layout. */
  purposeLimit: PurposeLimit | null;
}

/**
 * The letterhead of a case's documents (server/platform/pdf-layout.ts): the municipality's name
 * from the organisation module, its logo from its settings (inquiries/logo.ts) and the case's coordinator as contact person (name, unit,
 * e-mail), and, when the reader's access carries one, the purpose limit (`CaseAccess.purposeLimit`).
 * The caller has already checked that the reader may see the case.
 */
export async function caseLetterhead(
  db: Kysely<DB>,
  theCase: CaseKey & { purposeLimit?: PurposeLimit | null },
): Promise<CaseLetterhead> {
  const municipality = await findMunicipality(db, theCase.municipalityCode);
  const coordinator = await caseCoordinator(db, theCase);
  return {
    municipality: municipality?.name ?? theCase.municipalityCode,
    logo: await municipalityLogo(db, theCase.municipalityCode),
    purposeLimit: theCase.purposeLimit ?? null,
    contact: coordinator
      ? { name: coordinator.display_name, unit: coordinator.unit_name, email: coordinator.email }
      : null,
  };
}
