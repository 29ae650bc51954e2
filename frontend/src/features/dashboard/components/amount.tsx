import { Tooltip } from 'antd';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

import { useI18n } from '@/i18n/i18n';

import { exactAmount, formatInUnit, pickUnit, type AmountUnit } from '../utils/amount-unit';
import type { ChartContext } from '../utils/chart-options';

const AmountUnitContext = createContext<AmountUnit | null>(null);

/** Sets the one unit in which everything below writes its amounts (the dashboard's, or a drawer's own). */
export function AmountUnitProvider({ unit, children }: { unit: AmountUnit; children: ReactNode }) {
  return <AmountUnitContext.Provider value={unit}>{children}</AmountUnitContext.Provider>;
}

export interface AmountFormat {
  unit: AmountUnit;
  /** In the screen's unit: "1,750,000万元". */
  format: (amount: string | null | undefined) => string;
  /** To the fen: "17,500,000,000.00元". */
  exact: (amount: string | null | undefined) => string;
}

/**
 * The screen's amount formatter. Outside a provider (a component rendered on its own) the unit is
 * picked from `fallback`, the amounts the component itself shows.
 */
export function useAmountFormat(fallback: readonly (string | null | undefined)[] = []): AmountFormat {
  const { locale } = useI18n();
  const provided = useContext(AmountUnitContext);
  const key = provided ? '' : fallback.join('|');
  return useMemo(() => {
    const unit = provided ?? pickUnit(key.split('|'), locale);
    return { unit, format: (amount) => formatInUnit(amount, unit, locale), exact: (amount) => exactAmount(amount, locale) };
  }, [provided, key, locale]);
}

/** An amount in the screen's unit; hovering (or focusing its figure) shows it to the fen. */
export function Amount({ value }: { value: string | null | undefined }) {
  const { format, exact } = useAmountFormat([value]);
  return (
    <Tooltip title={exact(value)} mouseEnterDelay={0.3}>
      <span data-exact={value ?? undefined}>{format(value)}</span>
    </Tooltip>
  );
}

/** What a chart builder needs to write like the screen: words, language and the one unit. */
export function useChartContext(fallback: readonly (string | null | undefined)[] = []): ChartContext {
  const { t, locale } = useI18n();
  const { unit } = useAmountFormat(fallback);
  return useMemo(() => ({ t, locale, unit }), [t, locale, unit]);
}
