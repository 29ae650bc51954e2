import { describe, expect, it } from 'vitest';

import { amountNumber, axisNumber, exactAmount, formatInUnit, pickUnit, UNITS } from '../amount-unit';

// From a county's 10万 to the policy's 200亿: the screen's unit follows its magnitude.
const SCALE = ['100000.00', '2500000.00', '78980000.00', '350000000.00', '17500000000.00', '20000000000.00'];

describe('one unit per screen', () => {
  it('is picked by the largest representative amount: 元, 万元 or 亿元 in Chinese', () => {
    expect(pickUnit(['8500.00'], 'zh-CN')).toBe(UNITS.yuan);
    expect(pickUnit(['100000.00'], 'zh-CN')).toBe(UNITS.wan);
    expect(pickUnit(['78980000.00', '87800000.00'], 'zh-CN')).toBe(UNITS.wan);
    expect(pickUnit(['20000000000.00', '100000.00'], 'zh-CN')).toBe(UNITS.yi);
    expect(pickUnit(['-350000000.00'], 'zh-CN')).toBe(UNITS.yi);
    expect(pickUnit([null, undefined, '', 'x', '0.00'], 'zh-CN')).toBe(UNITS.yuan);
  });

  it('is picked as yuan, ¥ million or ¥ billion in English', () => {
    expect(pickUnit(['100000.00'], 'en-US')).toBe(UNITS.yuan);
    expect(pickUnit(['78980000.00'], 'en-US')).toBe(UNITS.million);
    expect(pickUnit(['20000000000.00'], 'en-US')).toBe(UNITS.billion);
  });

  it('writes every amount of a 万元 screen in 万元, from 10万 to 200亿', () => {
    const unit = pickUnit(['78980000.00'], 'zh-CN');
    expect(SCALE.map((amount) => formatInUnit(amount, unit, 'zh-CN'))).toEqual([
      '10万元',
      '250万元',
      '7,898万元',
      '35,000万元',
      '1,750,000万元',
      '2,000,000万元',
    ]);
  });

  it('writes every amount of a 亿元 screen in 亿元, keeping two significant digits of the small ones', () => {
    const unit = pickUnit(['20000000000.00'], 'zh-CN');
    expect(SCALE.map((amount) => formatInUnit(amount, unit, 'zh-CN'))).toEqual([
      '0.001亿元',
      '0.025亿元',
      '0.79亿元',
      '3.5亿元',
      '175亿元',
      '200亿元',
    ]);
    expect(formatInUnit('123456.00', unit, 'zh-CN')).toBe('0.0012亿元');
    expect(formatInUnit('0.00', unit, 'zh-CN')).toBe('0亿元');
  });

  it('writes English amounts with one suffix', () => {
    const unit = pickUnit(['78980000.00'], 'en-US');
    expect(SCALE.map((amount) => formatInUnit(amount, unit, 'en-US'))).toEqual([
      '¥0.1 million',
      '¥2.5 million',
      '¥78.98 million',
      '¥350 million',
      '¥17,500 million',
      '¥20,000 million',
    ]);
    expect(formatInUnit('8500.50', UNITS.yuan, 'en-US')).toBe('¥8,500.5');
    expect(formatInUnit('-15790883013.70', UNITS.billion, 'en-US')).toBe('-¥15.79 billion');
  });

  it('rounds half away from zero on fen, never through a float', () => {
    expect(formatInUnit('4999999.99', UNITS.wan, 'zh-CN')).toBe('500万元');
    expect(formatInUnit('-15790883013.70', UNITS.yi, 'zh-CN')).toBe('-157.91亿元');
    expect(formatInUnit('0.01', UNITS.yi, 'zh-CN')).toBe('0亿元');
    expect(formatInUnit('not a number', UNITS.wan, 'zh-CN')).toBe('not a number');
    expect(formatInUnit(null, UNITS.wan, 'zh-CN')).toBe('—');
  });

  it('gives the exact amount for the hover, and plain numbers for axes', () => {
    expect(exactAmount('17500000000.00', 'zh-CN')).toBe('17,500,000,000.00元');
    expect(exactAmount('78980000.5', 'en-US')).toBe('¥78,980,000.50');
    expect(exactAmount('-0.05', 'zh-CN')).toBe('-0.05元');
    expect(amountNumber('17500000000.00', UNITS.wan)).toBe('1,750,000');
    expect(axisNumber(1_750_000)).toBe('1,750,000');
    expect(axisNumber(0.25)).toBe('0.25');
    expect(axisNumber(-2.5)).toBe('-2.5');
  });
});
