import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
// The ES-module locales: `antd/locale/*` re-exports the CommonJS build, whose default export the
// production bundle (a `"type": "module"` package) receives wrapped as `{ default }`, which
// silently left every antd string (date pickers, pagination, empty states) in English.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useState, type ReactNode } from 'react';

import { I18nProvider, useI18n } from '@/i18n/i18n';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // One quick retry smooths over a restart of the server; more would hide an outage for long.
        retry: 1,
      },
    },
  });
}

function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client (no retries); the app creates one per page load. */
  queryClient?: QueryClient;
}

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nProvider>
      <AntdProvider>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntdProvider>
    </I18nProvider>
  );
}
