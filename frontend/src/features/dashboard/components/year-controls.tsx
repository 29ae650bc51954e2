import { Segmented, Select, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useId, useState } from 'react';

import { DateInput } from '@/components/date-input';
import { useI18n } from '@/i18n/i18n';

import { useCountingRules } from '../api/get-counting-rules';
import { currentYear, type DateMode } from '../hooks/use-dashboard-params';

/** Years to offer: the configured counting rules' years, the last three years and the chosen one. */
export function yearOptions(ruleYears: readonly number[], selected: number, thisYear: number): number[] {
  const years = new Set<number>([...ruleYears, thisYear, thisYear - 1, thisYear - 2, selected]);
  return [...years].filter((year) => year >= 2000 && year <= 2100).sort((a, b) => b - a);
}

export interface YearControlsProps {
  year: number;
  asOf: string | null;
  recordedAsOf: string | null;
  onYear: (year: number) => void;
  onDate: (mode: DateMode, date: string | null) => void;
}

/**
 * The year of the figures and, optionally, one date asking one of two different questions:
 * 截至 D (the contracts dated up to D, what an official reports) or 账本回溯 (what the ledger
 * said at the end of D, for an audit). The mode is chosen first; the date applies to it.
 */
export function YearControls({ year, asOf, recordedAsOf, onYear, onDate }: YearControlsProps) {
  const { t } = useI18n();
  const rules = useCountingRules();
  const yearId = useId();
  const dateId = useId();
  // A date in the address decides the mode (so the back button restores it); without one, the last choice.
  const [chosen, setChosen] = useState<DateMode>('as_of');
  const mode: DateMode = recordedAsOf ? 'recorded' : asOf ? 'as_of' : chosen;
  const date = recordedAsOf ?? asOf;
  const years = yearOptions(rules.data?.map((rule) => rule.year) ?? [], year, currentYear());
  const modes: { value: DateMode; label: string; help: string }[] = [
    { value: 'as_of', label: t('dashboard.dateMode.asOf'), help: t('dashboard.dateMode.asOfHelp') },
    { value: 'recorded', label: t('dashboard.dateMode.recorded'), help: t('dashboard.dateMode.recordedHelp') },
  ];
  const current = modes.find((m) => m.value === mode)!;
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
      <Space size={6} wrap>
        <Segmented<DateMode>
          aria-label={t('dashboard.dateMode.label')}
          value={mode}
          onChange={(next) => {
            setChosen(next);
            if (date) onDate(next, date);
          }}
          options={modes.map((m) => ({ value: m.value, label: <Tooltip title={m.help}>{m.label}</Tooltip> }))}
          data-testid="date-mode"
        />
        <label htmlFor={dateId} className="sr-only">
          {current.label}
        </label>
        <DateInput
          id={dateId}
          value={date ? dayjs(date) : null}
          onChange={(value) => onDate(mode, value ? value.format('YYYY-MM-DD') : null)}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          placeholder={mode === 'recorded' ? t('dashboard.dateMode.recordedNow') : t('dashboard.asOf.now')}
          allowClear
          style={{ width: 150 }}
        />
      </Space>
    </Space>
  );
}
