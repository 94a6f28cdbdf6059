import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Web shell build. The server sends a strict CSP (no inline script or style, fonts from 'self'),
 * so nothing is inlined: every asset becomes its own file under /assets.
 */
const apiTarget = 'http://localhost:3000';

// dkfds only exports its JS entry; its CSS, fonts and icons are reached through this alias.
const dkfdsDist = fileURLToPath(new URL('./node_modules/dkfds/dist/', import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react()],
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
