/**
 * Amounts are decimal strings in yuan ("3000000.00"). They are only ever formatted here, with
 * integer arithmetic on fen (BigInt), never as binary floats: 0.1 + 0.2 must not reach a contract.
 */
const DECIMAL = /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/;

/** Yuan as a whole number of fen (cents), or null if `value` is not a decimal string. */
export function parseFen(value: string): bigint | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > 2) return null;
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return sign === '-' ? -fen : fen;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `fen / unit` rounded half-up to `decimals` places, trailing zeros dropped: 2800000_00 / 1e6 -> "280". */
function scaled(fen: bigint, unitFen: bigint, decimals: number): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const factor = 10n ** BigInt(decimals);
  const rounded = (abs * factor * 2n + unitFen) / (unitFen * 2n);
  const whole = rounded / factor;
  const fraction = (rounded % factor).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ''}`;
}

const WAN = 10_000n * 100n; // 万 in fen
const YI = 100_000_000n * 100n; // 亿 in fen

/**
 * A human amount: zh-CN "300万元", "1.2亿元", "8,500元"; en-US "¥3 million", "¥1.2 billion",
 * "¥8,500". Unparseable input comes back unchanged rather than as a wrong number.
 */
export function formatAmount(value: string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const fen = parseFen(value);
  if (fen === null) return value;
  const abs = fen < 0n ? -fen : fen;
  if (locale.startsWith('zh')) {
    if (abs >= YI) return `${scaled(fen, YI, 2)}亿元`;
    if (abs >= WAN) return `${scaled(fen, WAN, 2)}万元`;
    return `${scaled(fen, 100n, 2)}元`;
  }
  const million = 1_000_000n * 100n;
  const billion = 1_000_000_000n * 100n;
  if (abs >= billion) return `¥${scaled(fen, billion, 2)} billion`;
  if (abs >= million) return `¥${scaled(fen, million, 2)} million`;
  return `¥${scaled(fen, 100n, 2)}`;
}

/** A range such as "30万–80万元" / "¥300,000–¥800,000"; either end may be missing. */
export function formatAmountRange(min: string | null | undefined, max: string | null | undefined, locale: string): string {
  const hasMin = min !== null && min !== undefined && min !== '';
  const hasMax = max !== null && max !== undefined && max !== '';
  if (hasMin && hasMax) return `${formatAmount(min, locale)} – ${formatAmount(max, locale)}`;
  if (hasMin) return locale.startsWith('zh') ? `${formatAmount(min, locale)}起` : `from ${formatAmount(min, locale)}`;
  if (hasMax) return locale.startsWith('zh') ? `至多${formatAmount(max, locale)}` : `up to ${formatAmount(max, locale)}`;
  return '—';
}

/**
 * 万元 typed in a filter -> the yuan decimal string the API expects, by moving the decimal point
 * four places (string work, no float): "300" -> "3000000", "12.5" -> "125000", "0.00015" -> "1.5".
 * null when the input is not a non-negative decimal.
 */
export function wanToYuan(wan: string): string | null {
  const match = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(wan);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return null;
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').padEnd(4, '0');
  const intPart = (whole + fraction.slice(0, 4)).replace(/^0+(?=\d)/, '') || '0';
  const rest = fraction.slice(4).replace(/0+$/, '');
  return rest ? `${intPart}.${rest}` : intPart;
}

/** The inverse for showing a yuan filter value back in 万元: "3000000" -> "300". */
export function yuanToWan(yuan: string): string | null {
  const match = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(yuan);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return null;
  const whole = (match[1] ?? '').padStart(5, '0');
  const intPart = whole.slice(0, -4).replace(/^0+(?=\d)/, '') || '0';
  const fraction = (whole.slice(-4) + (match[2] ?? '')).replace(/0+$/, '');
  return fraction ? `${intPart}.${fraction}` : intPart;
}

/** A valid amount for the API: positive, at most 12 integer digits and 2 decimals. */
export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/** -1, 0 or 1 like a comparator, on exact fen; null if either is not an amount. */
export function compareAmounts(a: string, b: string): number | null {
  const x = parseFen(a);
  const y = parseFen(b);
  if (x === null || y === null) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}
