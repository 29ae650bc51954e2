import { describe, expect, it } from 'vitest';

import { summary2026 } from '@/testing/data/dashboard';

import { partnerRows } from '../partners';

const YRD = '长三角（上海、江苏、浙江、安徽）';

describe('a flow by partner region', () => {
  it('puts 本地 first, then 长三角 as one subtotal over 上海, 江苏 and 浙江 by city, and 安徽, then other provinces', () => {
    const rows = partnerRows(summary2026.inflow_by_partner, YRD);
    expect(rows.map((row) => [row.label, row.amount, row.deals])).toEqual([
      ['本地', '14250000.00', 4],
      [YRD, '24980000.00', 5],
      ['其他省份', '2000000.00', 1],
    ]);
    const delta = rows[1]!;
    expect(delta.item).toBeUndefined(); // a subtotal: no drill-down of its own
    expect(delta.share).toBe('0.6059'); // 24,980,000 / 41,230,000
    expect(delta.children!.map((row) => [row.label, row.amount])).toEqual([
      ['上海市', '12000000.00'],
      ['江苏', '6480000.00'],
      ['浙江（湖州以外）', '5000000.00'],
      ['安徽省', '1500000.00'],
    ]);
    expect(delta.children![1]!.children!.map((row) => [row.item?.key, row.label])).toEqual([['江苏省/苏州市', '苏州市']]);
  });

  it('adds the subtotals on exact fen, and they sum to the flow', () => {
    const rows = partnerRows(summary2026.outflow_by_partner, YRD);
    const jiangsu = rows[1]!.children!.find((row) => row.key === '江苏省')!;
    expect(jiangsu).toMatchObject({ amount: '14750000.00', deals: 3 });
    expect(jiangsu.children!.map((row) => row.key)).toEqual(['江苏省/南京市', '江苏省/苏州市']);
    const total = rows.reduce((sum, row) => sum + Number(row.amount), 0);
    expect(total).toBe(52_000_000); // the outflow figure
  });

  it('leaves out 长三角 when no partner is there', () => {
    const rows = partnerRows(summary2026.inflow_by_partner.filter((item) => item.group === 'huzhou'), YRD);
    expect(rows.map((row) => row.key)).toEqual(['huzhou']);
  });
});
