import { describe, expect, it } from 'vitest';

import { highlightSegments } from '../highlight';

/** The segments as a compact string: marked runs in [brackets]. */
const marked = (text: string, terms: string[]) =>
  highlightSegments(text, terms)
    .map((segment) => (segment.match ? `[${segment.text}]` : segment.text))
    .join('');

describe('highlightSegments', () => {
  it('marks every occurrence of a Chinese term', () => {
    expect(marked('涂覆隔膜150℃热收缩率低于2%，隔膜穿刺强度提升30%', ['隔膜'])).toBe('涂覆[隔膜]150℃热收缩率低于2%，[隔膜]穿刺强度提升30%');
  });

  it('merges overlapping terms into one run instead of splitting at an arbitrary point', () => {
    // 陶瓷涂覆 and 涂覆隔膜 overlap on 涂覆.
    expect(marked('勃姆石陶瓷涂覆隔膜制备技术', ['陶瓷涂覆', '涂覆隔膜'])).toBe('勃姆石[陶瓷涂覆隔膜]制备技术');
    // A term inside a longer one, in either order.
    expect(marked('高安全涂覆隔膜', ['隔膜', '涂覆隔膜'])).toBe('高安全[涂覆隔膜]');
    expect(marked('高安全涂覆隔膜', ['涂覆隔膜', '隔膜'])).toBe('高安全[涂覆隔膜]');
    // Terms that touch become one run too (the shared terms of 隔膜, 涂覆 and 陶瓷 in a title).
    expect(marked('勃姆石陶瓷涂覆隔膜制备技术', ['隔膜', '涂覆', '陶瓷'])).toBe('勃姆石[陶瓷涂覆隔膜]制备技术');
    // Overlapping occurrences of one term.
    expect(marked('啊啊啊', ['啊啊'])).toBe('[啊啊啊]');
  });

  it('keeps separate runs apart and the text intact', () => {
    const text = '电池管理系统算法，可提前10分钟预警热失控，已在两款车型上验证。';
    const segments = highlightSegments(text, ['电池', '失控', '验证']);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['电池', '失控', '验证']);
  });

  it('matches Latin terms case-insensitively inside Chinese text', () => {
    expect(marked('提升NCM811正极高温循环稳定性', ['ncm811'])).toBe('提升[NCM811]正极高温循环稳定性');
    expect(marked('功率半导体SiC器件封装', ['sic', '封装'])).toBe('功率半导体[SiC]器件[封装]');
    expect(marked('CHO细胞株高通量筛选', ['cho'])).toBe('[CHO]细胞株高通量筛选');
    // Letters may touch digits and Chinese: NCM in NCM811.
    expect(marked('NCM811', ['NCM'])).toBe('[NCM]811');
  });

  it('does not mark a Latin term in the middle of a longer Latin word', () => {
    expect(marked('A basic SiC module', ['sic'])).toBe('A basic [SiC] module');
    expect(marked('GNSS+IMU 组合导航', ['SS', 'imu'])).toBe('GNSS+[IMU] 组合导航');
  });

  it('mixes Latin and Chinese within one term', () => {
    expect(marked('采用BMS算法与BMS系统', ['bms算法'])).toBe('采用[BMS算法]与BMS系统');
  });

  it('treats regular-expression characters literally', () => {
    expect(marked('目标 ≤2% (C++ 与 a.b)', ['≤2%', 'C++', 'a.b', '('])).toBe('目标 [≤2%] [(C++] 与 [a.b])');
    expect(marked('aXb', ['a.b'])).toBe('aXb');
  });

  it('keeps positions right when lower-casing would change a character’s length', () => {
    // 'İ'.toLowerCase() is two UTF-16 units long.
    expect(marked('İSTANBUL 隔膜 İ', ['隔膜', 'istanbul'])).toBe('İSTANBUL [隔膜] İ');
  });

  it('ignores blank terms and returns nothing for an empty text', () => {
    expect(marked('陶瓷隔膜', ['', '  '])).toBe('陶瓷隔膜');
    expect(highlightSegments('', ['隔膜'])).toEqual([]);
    expect(highlightSegments('陶瓷隔膜', [])).toEqual([{ text: '陶瓷隔膜', match: false }]);
  });
});
