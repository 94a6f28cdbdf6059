import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { InquiryKey } from './queries-detail.ts';
import { selectInquiry, selectInquiryPersons } from './queries.ts';

/**
 * What an inquiry forwarded to another municipality carries (forwarding.ts): what was
 * registered — the source, the channel, the reporter, the observation, the signs — and its
 * persons in order; read by the inquiry's id and tenant key.
 */
export async function registeredFacts(db: Kysely<DB>, key: InquiryKey) {
  const row = await selectInquiry(db, key)
    .select([
      'reference',
      'status',
      'source',
      'source_other',
      'channel',
      'reporter_anonymous',
      'reporter_name',
      'reporter_contact',
      'received_at',
      'observation',
      'subject_kind',
      'group_description',
      'immediate_danger',
      'urgent',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const persons = await selectInquiryPersons(db, key)
    .select('ip.person_id')
    .orderBy('ip.position')
    .execute();
  const signs = await db
    .selectFrom('inquiry_signs')
    .select(['sign_code', 'note'])
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode)
    .orderBy('sign_code')
    .execute();
  return { ...row, personIds: persons.map((p) => p.person_id), signs };
}
export type RegisteredFacts = NonNullable<Awaited<ReturnType<typeof registeredFacts>>>;
