import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { listUnits } from '../modules/organisation/queries.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/** Console banner for the demo installation: where to go and what is there. */
export async function printDemoBanner(db: Kysely<DB>, address: string, created: boolean) {
  const units = await listUnits(db, DEMO_MUNICIPALITY_CODE);
  const lines = [
    '',
    '  Tovholder (demo mode: fictional data only)',
    `  Open ${address} in a browser.`,
    '',
    `  Demo municipality: Demo Kommune (code ${DEMO_MUNICIPALITY_CODE}), ${units.length} units` +
      (created ? ' (created now)' : ' (kept from the last start)'),
    '  Demo logins: none yet. Accounts, two-factor login and the demo users arrive with the',
    '  access module (issue 3); until then every page is public reference data only.',
    '',
  ];
  console.log(lines.join('\n'));
}
