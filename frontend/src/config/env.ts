// The one place that reads build-time configuration (bulletproof-react `config/env.ts`).
export const env = {
  /** '' = same origin: Django serves both the app and /api/ (the Vite dev server proxies /api). */
  API_URL: import.meta.env.VITE_API_URL ?? '',
  APP_NAME: '湖州科技撮合平台 TechMatch',
  /** localStorage key that remembers the chosen UI language. */
  LOCALE_STORAGE_KEY: 'techmatch.locale',
  /** localStorage key of the API token (`Authorization: Token …`) of the signed-in user. */
  TOKEN_STORAGE_KEY: 'techmatch.token',
} as const;
