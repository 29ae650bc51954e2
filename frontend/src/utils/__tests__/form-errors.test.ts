import { describe, expect, it } from 'vitest';

import { flattenFieldErrors } from '../form-errors';

describe('flattenFieldErrors', () => {
  it('turns the server’s nested fields into antd name paths', () => {
    // Exactly what POST /api/challenges/ answers for a bad draft (list errors keyed by index).
    const fields = {
      title: ['该字段不能为空。'],
      indicators: { '1': { name: ['该字段不能为空。'], target: ['该字段不能为空。'] } },
      bid_deadline: ['截止时间必须晚于当前时间'],
    };
    expect(flattenFieldErrors(fields)).toEqual([
      { name: ['title'], errors: ['该字段不能为空。'] },
      { name: ['indicators', 1, 'name'], errors: ['该字段不能为空。'] },
      { name: ['indicators', 1, 'target'], errors: ['该字段不能为空。'] },
      { name: ['bid_deadline'], errors: ['截止时间必须晚于当前时间'] },
    ]);
  });

  it('reads list errors given as a list with empty entries, and nested objects', () => {
    expect(
      flattenFieldErrors({
        milestones: [{}, { due_day: ['请确保该值小于或者等于 3650。'] }],
        organisation: { uscc: ['统一社会信用代码校验位错误：应为 B，实际为 C'] },
        non_field_errors: ['用户名或密码错误'],
      }),
    ).toEqual([
      { name: ['milestones', 1, 'due_day'], errors: ['请确保该值小于或者等于 3650。'] },
      { name: ['organisation', 'uscc'], errors: ['统一社会信用代码校验位错误：应为 B，实际为 C'] },
      { name: ['non_field_errors'], errors: ['用户名或密码错误'] },
    ]);
  });

  it('ignores what carries no message', () => {
    expect(flattenFieldErrors({})).toEqual([]);
    expect(flattenFieldErrors(null)).toEqual([]);
    expect(flattenFieldErrors({ keywords: [] })).toEqual([]);
  });
});
