/**
 * Figures of the dashboard as the API sends them: amounts are yuan decimal strings and ratios are
 * decimal strings ("0.9068"). Anything shown as a figure is computed here on integers (BigInt fen,
 * or the ratio's own digits), never as a binary float; numbers are made only for chart geometry.
 */
import { parseFen } from '@/utils/money';

import type { AmountUnit } from './amount-unit';

const DECIMAL = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/;

/** A decimal string as an integer of 10^-scale units (rounded half away from zero), or null. */
function toScaled(value: string, scale: number): bigint | null {
  const match = DECIMAL.exec(value);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  let scaled = BigInt((whole || '0') + kept);
  if ((fraction[scale] ?? '0') >= '5') scaled += 1n;
  return sign === '-' ? -scaled : scaled;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An integer of 10^-decimals units as text: 4568n, 2 -> "45.68"; trailing zeros kept. */
function fixed(scaled: bigint, decimals: number, group = false): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(-decimals)}` : '';
  return `${negative ? '-' : ''}${group ? groupThousands(whole) : whole}${fraction}`;
}

/** A ratio as a percentage: "0.9068" -> "90.7%" (one decimal), "1.25" -> "125.0%"; null/invalid -> "—". */
export function formatRatio(ratio: string | null | undefined, decimals = 1): string {
  if (ratio === null || ratio === undefined) return '—';
  // percent = ratio × 100, so a ratio with `decimals + 2` places is the percentage with `decimals`.
  const scaled = toScaled(ratio, decimals + 2);
  return scaled === null ? '—' : `${fixed(scaled, decimals)}%`;
}

/** A plain decimal for people: "2500.00" -> "2,500", "12.50" -> "12.5" (targets' values, not money). */
export function formatPlain(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const scaled = toScaled(value, 2);
  if (scaled === null) return value;
  return fixed(scaled, 2, true).replace(/\.?0+$/, '');
}

/** The ratio as a number of percent for geometry (a gauge's needle, a progress bar's width). */
export function ratioToPercent(ratio: string | null | undefined): number {
  const value = ratio === null || ratio === undefined ? Number.NaN : Number(ratio) * 100;
  return Number.isFinite(value) ? value : 0;
}

/** Whether an amount string is below zero (the gap to the expected position, for its colour). */
export function isNegativeAmount(amount: string): boolean {
  const fen = parseFen(amount);
  return fen !== null && fen < 0n;
}

/** Fen back to a yuan decimal string: 150n -> "1.50". */
export function fenToYuan(fen: bigint): string {
  return fixed(fen, 2);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeap(year) ? 366 : 365;
}

/** Days from 1 January to the last day of `month` (1-12), inclusive. */
export function daysThroughMonth(year: number, month: number): number {
  let days = 0;
  for (let m = 1; m <= month; m += 1) days += new Date(Date.UTC(year, m, 0)).getUTCDate();
  return days;
}

/**
 * Where the year would stand at the end of each month if the target were met at an even pace,
 * as yuan strings: target × days elapsed / days in the year, rounded half-up to the fen, which is
 * how the API computes `expected_amount` for a day. December's value is the target itself.
 */
export function expectedCumulativeByMonth(targetAmount: string, year: number): string[] {
  const target = parseFen(targetAmount) ?? 0n;
  const days = BigInt(daysInYear(year));
  return Array.from({ length: 12 }, (_, index) => {
    const elapsed = BigInt(daysThroughMonth(year, index + 1));
    return fenToYuan((target * elapsed * 2n + days) / (days * 2n));
  });
}

/**
 * How many months of `year` have (partly) happened by `referenceDate` (YYYY-MM-DD): 12 for a past
 * year, 0 for a future one. The actual line stops there instead of running flat into the future.
 */
export function monthsElapsed(year: number, referenceDate: string): number {
  const [refYear, refMonth] = referenceDate.split('-').map(Number) as [number, number];
  if (refYear > year) return 12;
  if (refYear < year) return 0;
  return refMonth;
}

/** An amount in `unit` as a number, for chart geometry only (rounded to 4 places to keep the option small). */
export function inUnit(amount: string | null | undefined, unit: AmountUnit): number {
  const value = amount ? Number(amount) / (Number(unit.fen) / 100) : 0;
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : 0;
}

/**
 * Where the year stands against the even pace. No "ahead" before there is anything to be ahead
 * of: a year that has not begun on the reference date, or one with no expected amount yet (no
 * target), is `not_started` / `no_expectation`, shown as "—" rather than a green "领先 0元"; nor for
 * a district official, measured against no target of their own (`city_target`).
 */
export type Pace = 'not_started' | 'no_expectation' | 'city_target' | 'ahead' | 'behind' | 'on_pace';

export function paceOf(summary: {
  year: number;
  reference_date: string;
  expected_amount: string;
  gap_to_expected: string;
  district?: string | null;
}): Pace {
  if (monthsElapsed(summary.year, summary.reference_date) === 0) return 'not_started';
  // The target is the city's: a county's figures are not behind or ahead of it.
  if (summary.district) return 'city_target';
  const expected = parseFen(summary.expected_amount);
  if (expected === null || expected <= 0n) return 'no_expectation';
  const gap = parseFen(summary.gap_to_expected) ?? 0n;
  return gap < 0n ? 'behind' : gap > 0n ? 'ahead' : 'on_pace';
}
