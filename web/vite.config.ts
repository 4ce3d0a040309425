// The explorer is built from web/ into web/dist, which the API server serves on `/`.
// `npm run dev` proxies /graphql to a running API (npm run serve) for hot reload.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No source maps in the built app: production serves only what runs (npm run dev has its own).
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
});
