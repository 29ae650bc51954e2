import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useDraft } from '../use-draft';

describe('useDraft', () => {
  it('keeps the edits until the committed value changes, then starts again from it', () => {
    const { result, rerender } = renderHook(({ committed }) => useDraft(committed), { initialProps: { committed: 'a' } });
    expect(result.current[0]).toBe('a');
    act(() => result.current[1]('ab'));
    rerender({ committed: 'a' });
    expect(result.current[0]).toBe('ab');
    rerender({ committed: 'c' });
    expect(result.current[0]).toBe('c');
  });
});
