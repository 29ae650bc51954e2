import { Button, Card, Empty, Result, Skeleton } from 'antd';
import { useCallback, type ReactNode } from 'react';

import { useI18n } from '@/i18n/i18n';
import { isApiError } from '@/lib/api-error';

/** A skeleton with a screen-reader announcement, for any block that is still loading. */
export function LoadingBlock({ rows = 3, cards = 1, label }: { rows?: number; cards?: number; label?: string }) {
  const { t } = useI18n();
  return (
    <div aria-busy="true" data-testid="loading">
      <span className="sr-only" role="status">
        {label ?? t('common.loading')}
      </span>
      {Array.from({ length: cards }, (_, i) => (
        <Card key={i} size="small" style={{ marginBottom: 12 }}>
          <Skeleton active paragraph={{ rows }} />
        </Card>
      ))}
    </div>
  );
}

/** The message for an error from the API (its `detail`) or from the network. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback((error: unknown) => {
    if (isApiError(error)) {
      if (error.status === 404) return t('common.error.notFound');
      if (error.detail) return error.detail;
      if (error.status === 403) return t('common.error.forbidden');
      return t('common.error.http', { status: error.status });
    }
    return t('common.error.network', { message: error instanceof Error ? error.message : String(error) });
  }, [t]);
}

export function ErrorResult({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={title ?? (notFound ? t('common.error.notFoundTitle') : t('common.error.title'))}
      subTitle={<span role="alert">{describe(error)}</span>}
      extra={
        onRetry && !notFound ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyBlock({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{title}</div>
          {hint ? <div style={{ color: 'rgba(0,0,0,0.45)' }}>{hint}</div> : null}
        </>
      }
    >
      {children}
    </Empty>
  );
}
