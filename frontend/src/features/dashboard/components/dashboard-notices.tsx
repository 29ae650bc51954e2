import { Alert, Tag } from 'antd';

import { useI18n } from '@/i18n/i18n';

import type { DashboardSummary } from '../api/get-dashboard-summary';

/** A district official's scope in words: "德清县（含湖州莫干山高新区）" (zones count for their district). */
export function scopeLabel(summary: Pick<DashboardSummary, 'district' | 'district_label' | 'by_district'>, t: ReturnType<typeof useI18n>['t']): string | null {
  if (!summary.district) return null;
  const district = summary.district_label ?? summary.district;
  const zones = summary.by_district.filter((item) => item.parent === summary.district).map((item) => item.label);
  return zones.length > 0 ? t('dashboard.scope.withZones', { district, zones: zones.join('、') }) : district;
}

/** Shown beside the title: whose figures these are, for a district official. */
export function ScopeTag({ summary }: { summary: DashboardSummary }) {
  const { t } = useI18n();
  const scope = scopeLabel(summary, t);
  return scope ? (
    <Tag color="purple" style={{ fontSize: 14, padding: '2px 10px' }} data-testid="scope-tag">
      {t('dashboard.scope.tag', { district: scope })}
    </Tag>
  ) : null;
}

/**
 * What the figures below are: a district's only, and which date question they answer — 截至 D
 * (contracts dated up to D) or 账本回溯 (the ledger as recorded on D, an audit), never confused.
 */
export function DashboardNotices({ summary }: { summary: DashboardSummary }) {
  const { t, formatDate } = useI18n();
  const scope = scopeLabel(summary, t);
  const style = { marginBottom: 16 };
  return (
    <>
      {summary.counted_deals === 0 ? (
        <Alert type="info" showIcon style={style} message={t('dashboard.empty', { year: summary.year })} data-testid="dashboard-empty" />
      ) : null}
      {scope ? <Alert type="info" showIcon style={style} data-testid="dashboard-district" message={t('dashboard.districtNotice', { district: scope })} /> : null}
      {summary.recorded_as_of ? (
        <Alert
          type="warning"
          showIcon
          style={style}
          data-testid="recorded-notice"
          message={t('dashboard.recordedNotice', { date: formatDate(summary.recorded_as_of) })}
        />
      ) : summary.as_of ? (
        <Alert
          type="info"
          showIcon
          style={style}
          data-testid="as-of-notice"
          message={t('dashboard.asOfNotice.upTo', {
            date: formatDate(summary.as_of),
            dateField: t(`dashboard.dateField.${summary.rule.date_field}`),
            year: summary.year,
          })}
        />
      ) : null}
    </>
  );
}
