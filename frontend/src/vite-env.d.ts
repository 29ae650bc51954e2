/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the API; empty (the default) means same origin as the page. */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
