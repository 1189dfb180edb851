import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path (an LMS package, a hospital intranet folder).
  base: './',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 1600 },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
