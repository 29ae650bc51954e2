/**
 * One unit for every amount on a screen. formatAmount (utils/money) picks 元, 万元 or 亿元 per value,
 * so 7,898万元 stood beside 175亿元 and 8,500元 on the same dashboard: figures that cannot be
 * compared or added at a glance. Here the screen picks one unit from its own magnitude and every
 * table, card, axis and label writes its amounts in it; the exact amount is given on hover.
 *
 * Integer arithmetic on fen (BigInt) as in utils/money: no amount passes through a binary float.
 */
import { parseFen } from '@/utils/money';

export type AmountUnitKey = 'yuan' | 'wan' | 'yi' | 'million' | 'billion';

export interface AmountUnit {
  key: AmountUnitKey;
  /** Fen per unit. */
  fen: bigint;
}

export const UNITS: Record<AmountUnitKey, AmountUnit> = {
  yuan: { key: 'yuan', fen: 100n },
  wan: { key: 'wan', fen: 10_000n * 100n },
  yi: { key: 'yi', fen: 100_000_000n * 100n },
  million: { key: 'million', fen: 1_000_000n * 100n },
  billion: { key: 'billion', fen: 1_000_000_000n * 100n },
};

const abs = (fen: bigint) => (fen < 0n ? -fen : fen);

/**
 * The unit for a screen whose representative amounts are `amounts`: the largest of them decides,
 * zh-CN 亿元 from 1亿, 万元 from 1万, else 元; en-US ¥ billion from 1 billion, ¥ million from
 * 1 million, else yuan. The dashboard passes its actual figures (this year's and last year's
 * totals), not the target: at demo volumes a 175亿 target would otherwise write every district as
 * 0.0x亿元.
 */
export function pickUnit(amounts: readonly (string | null | undefined)[], locale: string): AmountUnit {
  let max = 0n;
  for (const amount of amounts) {
    const fen = amount ? parseFen(amount) : null;
    if (fen !== null && abs(fen) > max) max = abs(fen);
  }
  const ladder: AmountUnit[] = locale.startsWith('zh') ? [UNITS.yi, UNITS.wan] : [UNITS.billion, UNITS.million];
  return ladder.find((unit) => max >= unit.fen) ?? UNITS.yuan;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Decimal places for `fen` in `unit`: two, or more (up to six) so that a small amount keeps two significant digits. */
function decimalsFor(fen: bigint, unit: AmountUnit): number {
  if (fen === 0n || unit.fen === 100n) return 2;
  let decimals = 2;
  // A value below 0.1 of the unit would round to 0.0x or 0: widen until two digits show.
  while (decimals < 6 && abs(fen) * 10n ** BigInt(decimals) < unit.fen * 10n) decimals += 1;
  return decimals;
}

/** `fen / unit` rounded half away from zero to `decimals` places, grouped, trailing zeros dropped. */
function scaledNumber(fen: bigint, unit: AmountUnit, decimals: number): string {
  const factor = 10n ** BigInt(decimals);
  const rounded = (abs(fen) * factor * 2n + unit.fen) / (unit.fen * 2n);
  const whole = groupThousands((rounded / factor).toString());
  const fraction = (rounded % factor).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${fen < 0n && rounded > 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The number part only ("1,750,000", "0.79"), for axes whose unit is written once in their name. */
export function amountNumber(amount: string | null | undefined, unit: AmountUnit): string {
  const fen = amount ? parseFen(amount) : null;
  if (fen === null) return amount || '—';
  return scaledNumber(fen, unit, decimalsFor(fen, unit));
}

/**
 * An amount in the screen's unit: "1,750,000万元", "0.79亿元", "8,500元"; "¥17,500 million",
 * "¥78.98 million", "¥8,500". Unparseable input comes back unchanged rather than as a wrong number.
 */
export function formatInUnit(amount: string | null | undefined, unit: AmountUnit, locale: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  if (parseFen(amount) === null) return amount;
  const number = amountNumber(amount, unit);
  if (locale.startsWith('zh')) return `${number}${ZH_SUFFIX[unit.key]}`;
  const sign = number.startsWith('-') ? '-' : '';
  const digits = sign ? number.slice(1) : number;
  return `${sign}¥${digits}${EN_SUFFIX[unit.key]}`;
}

const ZH_SUFFIX: Record<AmountUnitKey, string> = { yuan: '元', wan: '万元', yi: '亿元', million: '百万元', billion: '十亿元' };
const EN_SUFFIX: Record<AmountUnitKey, string> = { yuan: '', wan: ' ×10k', yi: ' ×100M', million: ' million', billion: ' billion' };

/** The amount to the fen, for the hover: "78,980,000.00元" / "¥78,980,000.00". */
export function exactAmount(amount: string | null | undefined, locale: string): string {
  const fen = amount ? parseFen(amount) : null;
  if (fen === null) return amount || '—';
  const whole = groupThousands((abs(fen) / 100n).toString());
  const cents = (abs(fen) % 100n).toString().padStart(2, '0');
  const sign = fen < 0n ? '-' : '';
  return locale.startsWith('zh') ? `${sign}${whole}.${cents}元` : `${sign}¥${whole}.${cents}`;
}

/** A number already in the unit (a chart's axis tick) written like the screen's amounts. */
export function axisNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(2).split('.');
  const kept = (fraction ?? '').replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${groupThousands(whole)}${kept ? `.${kept}` : ''}`;
}
