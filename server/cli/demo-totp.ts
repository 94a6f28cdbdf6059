import { currentDemoCode, DEMO_PASSWORD } from '../demo/users.ts';

/** `npm run demo:totp`: the current second-factor code of the demo users (demo data only). */
const seconds = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`Demo TOTP code: ${currentDemoCode()} (valid ${seconds} more seconds)`);
console.log(`Demo password:  ${DEMO_PASSWORD}`);
