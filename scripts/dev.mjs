// `npm run dev`: the API server restarting on change (port 3000) and Vite with hot reload on
// http://localhost:5173, which proxies /api to the server.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, ensureDependencies } from './lib/ensure.mjs';

ensureDependencies();
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/main.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn(bin('vite'), ['--port', '5173', '--strictPort'], { cwd: ROOT, stdio: 'inherit' }),
];
console.log('Open http://localhost:5173 (web with hot reload); the API runs on :3000.');
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
