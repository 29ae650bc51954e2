import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * A text box's draft of a committed value (a filter in the URL, say): the user edits the draft,
 * and whenever the committed value changes the draft starts again from it. The reset happens while
 * rendering (React's "adjusting state when a prop changes"), not in an effect, so the stale draft
 * is never drawn.
 */
export function useDraft<T>(committed: T): [T, Dispatch<SetStateAction<T>>] {
  const [draft, setDraft] = useState(committed);
  const [from, setFrom] = useState(committed);
  if (!Object.is(from, committed)) {
    setFrom(committed);
    setDraft(committed);
  }
  return [draft, setDraft];
}
