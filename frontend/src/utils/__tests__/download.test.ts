import { describe, expect, it } from 'vitest';

import { filenameFromDisposition } from '../download';

describe('filenameFromDisposition', () => {
  it('decodes the RFC 5987 name the API sends for Chinese file names', () => {
    const header = `attachment; filename*=UTF-8''${encodeURIComponent('2026年技术合同-3月')}.xlsx`;
    expect(filenameFromDisposition(header, 'x.xlsx')).toBe('2026年技术合同-3月.xlsx');
  });

  it('falls back to a plain filename, then to the default', () => {
    expect(filenameFromDisposition('attachment; filename="report.csv"', 'x.csv')).toBe('report.csv');
    expect(filenameFromDisposition(null, 'x.csv')).toBe('x.csv');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'x.csv')).toBe('x.csv');
  });
});
