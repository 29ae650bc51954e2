/**
 * Marks where terms occur in a text, for the "why it matches" explanation: the API names the
 * terms both postings share (jieba keywords, compared case-insensitively by substring, see
 * matching/explain.py), and the UI shows them inside the title and snippet.
 */
export interface TextSegment {
  text: string;
  match: boolean;
}

const LATIN_LETTER = /[A-Za-z]/;

/**
 * Lower-cases code point by code point, keeping the string's length in UTF-16 units so that
 * positions found in the folded text are positions in the original ('İ'.toLowerCase() has two).
 */
function fold(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}

/**
 * A Latin term must not start or end in the middle of a Latin word ("SiC" is not in "basic"),
 * while Chinese, which has no spaces, matches anywhere. Digits may touch letters ("NCM" in "NCM811").
 */
function atWordEdges(text: string, start: number, end: number): boolean {
  const first = text.charAt(start);
  const last = text.charAt(end - 1);
  if (LATIN_LETTER.test(first) && start > 0 && LATIN_LETTER.test(text.charAt(start - 1))) return false;
  if (LATIN_LETTER.test(last) && end < text.length && LATIN_LETTER.test(text.charAt(end))) return false;
  return true;
}

/** Every [start, end) where one of `terms` occurs, overlapping occurrences included. */
export function termRanges(text: string, terms: readonly string[]): [number, number][] {
  const haystack = fold(text);
  const ranges: [number, number][] = [];
  for (const term of new Set(terms.map((value) => value.trim()).filter(Boolean))) {
    const needle = fold(term);
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      if (atWordEdges(text, at, at + needle.length)) ranges.push([at, at + needle.length]);
    }
  }
  return ranges;
}

/**
 * The text cut into runs, matched or not. Overlapping and touching occurrences merge into one
 * run: with 陶瓷涂覆 and 涂覆隔膜, "陶瓷涂覆隔膜" is marked once, not split at an arbitrary point.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  if (!text) return [];
  const ranges = termRanges(text, terms).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
