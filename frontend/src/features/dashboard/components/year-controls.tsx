import { Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';

import { DateInput } from '@/components/date-input';
import { useI18n } from '@/i18n/i18n';

import { useCountingRules } from '../api/get-counting-rules';
import { currentYear } from '../hooks/use-dashboard-params';

/** Years to offer: the configured counting rules' years, the last three years and the chosen one. */
export function yearOptions(ruleYears: readonly number[], selected: number, thisYear: number): number[] {
  const years = new Set<number>([...ruleYears, thisYear, thisYear - 1, thisYear - 2, selected]);
  return [...years].filter((year) => year >= 2000 && year <= 2100).sort((a, b) => b - a);
}

export interface YearControlsProps {
  year: number;
  asOf: string | null;
  onYear: (year: number) => void;
  onAsOf: (asOf: string | null) => void;
}

/** The year of the figures, and optionally the day they are shown as of (to reproduce a past report). */
export function YearControls({ year, asOf, onYear, onAsOf }: YearControlsProps) {
  const { t } = useI18n();
  const rules = useCountingRules();
  const yearId = useId();
  const asOfId = useId();
  const years = yearOptions(rules.data?.map((rule) => rule.year) ?? [], year, currentYear());
  return (
    <Space wrap size={[12, 8]}>
      <Space size={6}>
        <label htmlFor={yearId}>{t('dashboard.year')}</label>
        <Select
          id={yearId}
          value={year}
          onChange={onYear}
          style={{ width: 110 }}
          options={years.map((value) => ({ value, label: t('dashboard.yearOption', { year: value }) }))}
          data-testid="year-select"
        />
      </Space>
      <Space size={6}>
        <label htmlFor={asOfId}>{t('dashboard.asOf')}</label>
        <DateInput
          id={asOfId}
          value={asOf ? dayjs(asOf) : null}
          onChange={(value) => onAsOf(value ? value.format('YYYY-MM-DD') : null)}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          placeholder={t('dashboard.asOf.now')}
          allowClear
          style={{ width: 150 }}
        />
      </Space>
    </Space>
  );
}
