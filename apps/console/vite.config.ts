import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// `npm run dev:console`: hot reload against a running API (default http://localhost:3000).
const api = process.env.TRELLIS_API_URL ?? 'http://localhost:3000';

/** codemirror-json-schema renders hints with markdown-it + shiki; a small escaper does for our schema's text. */
const plainSchemaMarkdown: Plugin = {
  name: 'trellis-plain-schema-markdown',
  enforce: 'pre',
  resolveId(source, importer) {
    if (importer?.includes('codemirror-json-schema') && /utils\/markdown(\.js)?$/.test(source)) {
      return fileURLToPath(new URL('./src/lib/plain-markdown.ts', import.meta.url));
    }
    return undefined;
  },
};

export default defineConfig({
  plugins: [plainSchemaMarkdown, react()],
  server: {
    port: Number(process.env.CONSOLE_DEV_PORT ?? 5173),
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/ws': { target: api.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The initial bundle is kept under 350 KB gzip; the editor and the graph load on demand.
    chunkSizeWarningLimit: 1200,
  },
});
