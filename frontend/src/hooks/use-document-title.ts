import { useEffect } from 'react';

import { useI18n } from '@/i18n/i18n';

/** Sets `<title>` to "page · product" (or just the product name) in the current language. */
export function useDocumentTitle(pageTitle?: string): void {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : appName;
  }, [pageTitle, appName]);
}
