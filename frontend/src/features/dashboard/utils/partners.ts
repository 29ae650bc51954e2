/**
 * A flow by where the other party is, as the technology-market statistics report it: 本地 first,
 * then 长三角 (上海, 江苏 and 浙江 city by city, 安徽) with its subtotal, other provinces and
 * unknown. The API sends the leaves in that order with each one's group; this only nests them and
 * adds the subtotals, on exact fen.
 */
import { parseFen } from '@/utils/money';

import type { PartnerItem } from '../api/get-dashboard-summary';

import { fenToYuan } from './figures';

/** The 长三角 partner groups, in the order the statistics list them. */
export const YANGTZE_DELTA = ['上海市', '江苏省', '浙江省', '安徽省'] as const;
/** Groups reported city by city: their cities sit under a subtotal. */
const BY_CITY = new Set<string>(['江苏省', '浙江省']);

export interface PartnerRow {
  key: string;
  label: string;
  amount: string;
  deals: number;
  /** Of the flow's total, as a ratio string ("0.1234"). */
  share: string;
  /** The leaf's figure (clickable); subtotals have none. */
  item?: PartnerItem;
  children?: PartnerRow[];
}

/** fen / whole as a 4-place ratio string, rounded half up: the API's share format. */
function ratio(fen: bigint, whole: bigint): string {
  if (whole <= 0n) return '0.0000';
  const scaled = (fen * 10_000n * 2n + whole) / (whole * 2n);
  return `${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, '0')}`;
}

function subtotal(key: string, label: string, children: PartnerRow[], whole: bigint): PartnerRow {
  const fen = children.reduce((sum, row) => sum + (parseFen(row.amount) ?? 0n), 0n);
  const deals = children.reduce((sum, row) => sum + row.deals, 0);
  return { key, label, amount: fenToYuan(fen), deals, share: ratio(fen, whole), children };
}

const leaf = (item: PartnerItem): PartnerRow => ({ key: item.key, label: item.label, amount: item.amount, deals: item.deals, share: item.share, item });

/**
 * The partner table's rows: leaves outside 长三角 as they come; 长三角 as one subtotal whose
 * children are 上海, 江苏 (a subtotal of its cities), 浙江 (likewise) and 安徽, each only when it
 * has any figure. `yrdLabel` names the 长三角 subtotal.
 */
export function partnerRows(items: readonly PartnerItem[], yrdLabel: string): PartnerRow[] {
  const whole = items.reduce((sum, item) => sum + (parseFen(item.amount) ?? 0n), 0n);
  const inDelta = (item: PartnerItem) => (YANGTZE_DELTA as readonly string[]).includes(item.group);
  const delta: PartnerRow[] = [];
  for (const group of YANGTZE_DELTA) {
    const members = items.filter((item) => item.group === group);
    if (members.length === 0) continue;
    // Under its province's subtotal a city needs no province: 江苏省苏州市 reads 苏州市 there.
    const city = (item: PartnerItem): PartnerRow => ({ ...leaf(item), label: item.label.startsWith(group) && item.label !== group ? item.label.slice(group.length) : item.label });
    if (BY_CITY.has(group)) delta.push(subtotal(group, members[0]!.group_label, members.map(city), whole));
    else delta.push(...members.map(leaf));
  }
  const rows: PartnerRow[] = [];
  let placed = false;
  for (const item of items) {
    if (!inDelta(item)) rows.push(leaf(item));
    else if (!placed) {
      rows.push(subtotal('yangtze_delta', yrdLabel, delta, whole));
      placed = true;
    }
  }
  return rows;
}
