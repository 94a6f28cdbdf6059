import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Web shell build. The server sends a strict CSP (no inline script or style, fonts from 'self'),
 * so nothing is inlined: every asset becomes its own file under /assets.
 */
const apiTarget = 'http://localhost:3000';

// dkfds only exports its JS entry; its CSS, fonts and icons are reached through this alias.
const dkfdsDist = fileURLToPath(new URL('./node_modules/dkfds/dist/', import.meta.url));

/**
 * The web app imports the server's request schemas and value lists, never its runtime code: a
 * Node built-in reached from the bundle means a schema file imports a service (once the audit
 * chain arrived through a value list re-exported by cases/case-work.ts). The build stops there.
 */
const noServerRuntime: Plugin = {
  name: 'tovholder-no-server-runtime',
  enforce: 'pre',
  apply: 'build',
  resolveId(source, importer) {
    if (source.startsWith('node:')) {
      this.error(
        `${importer ?? '?'} imports ${source}: server runtime code reached the web bundle; import value lists from shared/values.ts or a schema file`,
      );
    }
    return null;
  },
};

export default defineConfig({
  root: 'web',
  plugins: [react(), noServerRuntime],
  resolve: {
    alias: [{ find: /^dkfds\/dist\//, replacement: dkfdsDist }],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/metrics': apiTarget,
    },
  },
});
