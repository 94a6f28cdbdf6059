import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { listUnits } from '../modules/organisation/queries.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';
import { DEMO_PARTNER_USERNAME } from './case-work/partner-access.ts';
import { DEMO_HOUSING_PARTNER_USERNAME } from './housing-areas-areas.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from './users.ts';

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
    '  Demo logins (password for all: ' + DEMO_PASSWORD + '):',
    ...DEMO_USERS.map(
      (u) =>
        `    ${u.username.padEnd(22)} ${u.roles.join(', ').padEnd(16)} ${u.enrolled ? '' : '(sets up its second factor at first login)'}`,
    ),
    // Created by the partner step (a partner account is not staff), shown with the others.
    `    ${DEMO_PARTNER_USERNAME.padEnd(22)} ${'partner'.padEnd(16)} (sees only the case she is invited into)`,
    `    ${DEMO_HOUSING_PARTNER_USERNAME.padEnd(22)} ${'partner'.padEnd(16)} (housing social worker granted the area Nørrevang)`,
    '  Second factor: TOTP secret ' + DEMO_TOTP_SECRET + ' in any authenticator app,',
    '  or run `npm run demo:totp` for the current code.',
    '',
  ];
  console.log(lines.join('\n'));
}
