import { Card, Tag, Typography } from 'antd';

import { CardTitle } from '@/components/card-title';
import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary } from '../api/get-dashboard-summary';


/** What counts toward the target, in words (the API writes the sentence in both languages). */
export function CountingRuleCard({ summary }: { summary: DashboardSummary }) {
  const { t, locale, formatDate } = useI18n();
  const { rule } = summary;
  return (
    <Card
      title={<CardTitle>{t('dashboard.rule.title')}</CardTitle>}
      extra={<Tag color={rule.is_configured ? 'blue' : 'default'}>{rule.is_configured ? t('dashboard.rule.version', { version: rule.version }) : t('dashboard.rule.default')}</Tag>}
      data-testid="counting-rule"
      style={{ height: '100%' }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }} lang={locale === 'zh-CN' ? 'zh-CN' : 'en'}>
        {locale === 'zh-CN' ? rule.text_zh : rule.text_en}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {summary.recorded_as_of
          ? t('dashboard.rule.asOf', { date: formatDate(summary.recorded_as_of) })
          : summary.as_of
            ? t('dashboard.rule.asOfCurrent', { date: formatDate(summary.as_of) })
            : t('dashboard.rule.now', { date: formatDate(summary.reference_date) })}
      </Typography.Paragraph>
    </Card>
  );
}
