import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev:console`: hot reload against a running API (default http://localhost:3000).
const api = process.env.TRELLIS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
