import { describe, expect, it } from 'vitest';

import { UNITS } from '../amount-unit';
import {
  daysThroughMonth,
  expectedCumulativeByMonth,
  fenToYuan,
  formatPlain,
  formatRatio,
  inUnit,
  isNegativeAmount,
  monthsElapsed,
  paceOf,
  ratioToPercent,
} from '../figures';

describe('formatRatio', () => {
  it('shows the API’s ratios as percentages from their digits, rounding half up', () => {
    expect(formatRatio('0.9068')).toBe('90.7%');
    expect(formatRatio('0.0045', 2)).toBe('0.45%');
    expect(formatRatio('0.0045')).toBe('0.5%');
    expect(formatRatio('0.0000')).toBe('0.0%');
    expect(formatRatio('1.2500')).toBe('125.0%');
    expect(formatRatio('0.99995', 2)).toBe('100.00%');
  });

  it('says nothing rather than something wrong', () => {
    expect(formatRatio(null)).toBe('—');
    expect(formatRatio(undefined)).toBe('—');
    expect(formatRatio('abc')).toBe('—');
  });
});

describe('formatPlain', () => {
  it('groups thousands and drops zero decimals of a target’s value', () => {
    expect(formatPlain('2500.00')).toBe('2,500');
    expect(formatPlain('20.00')).toBe('20');
    expect(formatPlain('12.50')).toBe('12.5');
    expect(formatPlain('0.00')).toBe('0');
    expect(formatPlain(null)).toBe('—');
  });
});

describe('expected cumulative line', () => {
  it('reaches the target exactly in December and is exact to the fen on the way', () => {
    const line = expectedCumulativeByMonth('17500000000.00', 2026);
    expect(line).toHaveLength(12);
    // 31 of 365 days: 17,500,000,000 × 31 / 365 = 1,486,301,369.863… -> …369.86
    expect(line[0]).toBe('1486301369.86');
    // The API's expected_amount for 2026-11-30 is the same formula with 334 days.
    expect(line[10]).toBe('16013698630.14');
    expect(line[11]).toBe('17500000000.00');
  });

  it('counts 29 February in a leap year', () => {
    expect(daysThroughMonth(2028, 2)).toBe(60);
    expect(daysThroughMonth(2026, 2)).toBe(59);
    expect(expectedCumulativeByMonth('366.00', 2028)[1]).toBe('60.00');
  });

  it('stops the actual line at the reference month', () => {
    expect(monthsElapsed(2026, '2026-11-27')).toBe(11);
    expect(monthsElapsed(2025, '2026-11-27')).toBe(12);
    expect(monthsElapsed(2027, '2026-11-27')).toBe(0);
  });
});

describe('amounts for geometry', () => {
  it('turns amounts into numbers in that unit, and ratios into percent, only for drawing', () => {
    expect(inUnit('78980000.00', UNITS.wan)).toBe(7898);
    expect(inUnit('1486301369.86', UNITS.yi)).toBe(14.863);
    expect(inUnit(null, UNITS.yi)).toBe(0);
    expect(ratioToPercent('0.9068')).toBeCloseTo(90.68);
    expect(ratioToPercent(null)).toBe(0);
  });

  it('keeps signs and fen exact', () => {
    expect(isNegativeAmount('-15790883013.70')).toBe(true);
    expect(isNegativeAmount('0.00')).toBe(false);
    expect(fenToYuan(150n)).toBe('1.50');
    expect(fenToYuan(-5n)).toBe('-0.05');
  });
});

describe('the pace against the even path', () => {
  const year = { year: 2026, reference_date: '2026-11-27', expected_amount: '15869863013.70', gap_to_expected: '-15790883013.70' };

  it('is behind or ahead only once the year has begun and something is expected', () => {
    expect(paceOf(year)).toBe('behind');
    expect(paceOf({ ...year, gap_to_expected: '120.00' })).toBe('ahead');
    expect(paceOf({ ...year, gap_to_expected: '0.00' })).toBe('on_pace');
  });

  it('is never "ahead" for a year that has not started, however the API signs the gap', () => {
    const future = { year: 2027, reference_date: '2026-11-27', expected_amount: '0.00', gap_to_expected: '0.00' };
    expect(paceOf(future)).toBe('not_started');
    expect(paceOf({ ...future, gap_to_expected: '5000000.00' })).toBe('not_started');
  });

  it('is neither behind nor ahead for a district official: the target is the city’s', () => {
    expect(paceOf({ ...year, district: 'deqing' })).toBe('city_target');
    expect(paceOf({ ...year, district: null })).toBe('behind');
  });

  it('is not "ahead" before any expectation exists (no target for the year)', () => {
    expect(paceOf({ ...year, expected_amount: '0.00', gap_to_expected: '78980000.00' })).toBe('no_expectation');
  });
});
