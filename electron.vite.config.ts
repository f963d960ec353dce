import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devServerIndexHtml } from './src/main/security-policy';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    // A sandboxed preload can only require('electron'): bundle everything else into it.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [
      react(),
      // The dev server applies CSS as inline style elements; its page's policy allows them.
      { name: 'dev-server-style-policy', apply: 'serve', transformIndexHtml: (html: string) => devServerIndexHtml(html) },
    ],
    worker: { format: 'es' },
    build: {
      // electron-vite leaves the renderer unminified; the window and the store worker parse
      // about a third as much script minified, which is time before the first paint and
      // before the copy is ready.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
