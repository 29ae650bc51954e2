import { Result } from 'antd';
import { useLocation } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';

export function NotFoundRoute() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  useDocumentTitle(t('notFound.title'));

  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 'inherit', margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.description', { path: pathname })}
      extra={
        <LinkButton to="/" type="primary">{t('common.backHome')}</LinkButton>
      }
    />
  );
}
