import { describe, expect, it } from 'vitest';

import { compareAmounts, formatAmount, formatAmountRange, parseFen, wanToYuan, yuanToWan } from '../money';

describe('parseFen', () => {
  it('reads decimal strings exactly, as whole fen', () => {
    expect(parseFen('3000000.00')).toBe(300000000n);
    expect(parseFen('0.1')).toBe(10n);
    expect(parseFen('12')).toBe(1200n);
    expect(parseFen('9999999999.99')).toBe(999999999999n);
  });

  it('rejects what is not an amount', () => {
    expect(parseFen('abc')).toBeNull();
    expect(parseFen('1.234')).toBeNull();
    expect(parseFen('')).toBeNull();
  });
});

describe('formatAmount', () => {
  it('uses 万元 and 亿元 in Chinese', () => {
    expect(formatAmount('3000000.00', 'zh-CN')).toBe('300万元');
    expect(formatAmount('2800000.00', 'zh-CN')).toBe('280万元');
    expect(formatAmount('12000000.00', 'zh-CN')).toBe('1,200万元');
    expect(formatAmount('150000000.00', 'zh-CN')).toBe('1.5亿元');
    expect(formatAmount('20000000000.00', 'zh-CN')).toBe('200亿元');
    expect(formatAmount('8500.50', 'zh-CN')).toBe('8,500.5元');
  });

  it('rounds half up on exact fen, where floats would not', () => {
    // 10,050 yuan = 1.005万: rounds to 1.01万, where (10050 / 10000).toFixed(2) gives "1.00".
    expect(formatAmount('10050.00', 'zh-CN')).toBe('1.01万元');
    expect(formatAmount('1234565.00', 'zh-CN')).toBe('123.46万元');
    expect(formatAmount('0.10', 'zh-CN')).toBe('0.1元');
  });

  it('uses million and billion in English', () => {
    expect(formatAmount('3000000.00', 'en-US')).toBe('¥3 million');
    expect(formatAmount('1250000000', 'en-US')).toBe('¥1.25 billion');
    expect(formatAmount('800000', 'en-US')).toBe('¥800,000');
  });

  it('shows what it cannot parse unchanged, and a dash for nothing', () => {
    expect(formatAmount('n/a', 'zh-CN')).toBe('n/a');
    expect(formatAmount(null, 'zh-CN')).toBe('—');
  });

  it('formats ranges with either end missing', () => {
    expect(formatAmountRange('300000.00', '800000.00', 'zh-CN')).toBe('30万元 – 80万元');
    expect(formatAmountRange('300000.00', null, 'zh-CN')).toBe('30万元起');
    expect(formatAmountRange(null, '800000.00', 'en-US')).toBe('up to ¥800,000');
    expect(formatAmountRange(null, null, 'zh-CN')).toBe('—');
  });
});

describe('wanToYuan / yuanToWan', () => {
  it('moves the decimal point by four places as text', () => {
    expect(wanToYuan('300')).toBe('3000000');
    expect(wanToYuan('12.5')).toBe('125000');
    expect(wanToYuan('0.00015')).toBe('1.5');
    expect(wanToYuan('0')).toBe('0');
    expect(wanToYuan('abc')).toBeNull();
    expect(wanToYuan('')).toBeNull();
    expect(yuanToWan('3000000')).toBe('300');
    expect(yuanToWan('125000')).toBe('12.5');
    expect(yuanToWan('1.5')).toBe('0.00015');
  });

  it('round-trips', () => {
    for (const wan of ['1', '80', '1200', '0.5', '3.1415']) expect(yuanToWan(wanToYuan(wan) ?? '')).toBe(wan);
  });
});

describe('compareAmounts', () => {
  it('compares exactly', () => {
    expect(compareAmounts('0.3', '0.30')).toBe(0);
    expect(compareAmounts('800000', '300000.00')).toBe(1);
    expect(compareAmounts('1', 'x')).toBeNull();
  });
});
