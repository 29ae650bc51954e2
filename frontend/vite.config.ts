import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const ANTD = /[\\/]node_modules[\\/]antd[\\/]/;
const ANTD_DEPS = /[\\/]node_modules[\\/](@ant-design|@rc-component|rc-[^\\/]+|@babel[\\/]runtime|dayjs)[\\/]/;

export default defineConfig(({ command, isPreview }) => ({
  // The built app is served by Django/WhiteNoise from frontend/dist under STATIC_URL = '/static/'
  // (STYLE.md example 12), so every asset URL in dist/index.html starts with /static/. The dev
  // server (and Vitest) use '/' so that client-side routes such as /status load directly.
  base: command === 'serve' && !isPreview ? '/' : '/static/',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Vendor code changes far less often than ours: separate chunks keep browser caches warm.
        codeSplitting: {
          groups: [
            { name: 'react-vendor', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            // antd and its own dependencies (rc-* components, CSS-in-JS, icons) in three chunks, so
            // none passes 500 kB: what the first page needs (`$initial`: the layout, home and status
            // pages), split in two, and the rest (pickers, tables, selects, forms), which only the
            // lazily loaded marketplace pages import.
            { name: 'antd-deps-vendor', test: ANTD_DEPS, tags: ['$initial'], priority: 25 },
            { name: 'antd-vendor', test: ANTD, tags: ['$initial'], priority: 20 },
            { name: 'antd-pages-vendor', test: (id: string) => ANTD.test(id) || ANTD_DEPS.test(id), priority: 15 },
            { name: 'query-vendor', test: /[\\/]node_modules[\\/](@tanstack|openapi-fetch)[\\/]/, priority: 10 },
            // ECharts loads with the officials' dashboard only; its renderer (zrender) in a chunk of its
            // own keeps both halves under 500 kB.
            { name: 'zrender-vendor', test: /[\\/]node_modules[\\/]zrender[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'http://127.0.0.1:8000/' } },
    // openapi-fetch builds a Fetch `Request`, and Node's Request (used under jsdom) rejects
    // relative URLs; in the browser the empty default resolves against the page's origin.
    env: { VITE_API_URL: 'http://127.0.0.1:8000' },
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    unstubGlobals: true,
    restoreMocks: true,
    css: false,
    // A bound for a hung test, not a speed expectation: at 30 s, tests failed on a busy 2-core
    // machine where one took 31 s (issue 16). Form tests paste instead of typing (src/testing/fill.ts).
    testTimeout: 300_000,
  },
}));
