// `npm run build`: typecheck everything, then build the web app into dist/web.
import { ROOT, ensureDependencies, ensureWebBuild, run } from './lib/ensure.mjs';
import { join } from 'node:path';

ensureDependencies();
if (run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--noEmit']) !== 0) {
  process.exit(1);
}
ensureWebBuild({ force: true });
console.log('Built dist/web. Start with `npm start`.');
