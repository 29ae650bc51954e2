import type { UserEvent } from '@testing-library/user-event';

/**
 * Puts `text` into a field the way a paste does: one input event instead of a keystroke (and a
 * render of the whole form) per character. Form tests check what the form does with a value, not
 * typing; typed one key at a time, a bid form took 30 s and timed out on two busy cores.
 * A trailing `{Enter}` is pressed after the paste. Keep `user.type` where keystrokes are the point.
 */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  const enter = text.endsWith('{Enter}');
  await user.click(field);
  await user.paste(enter ? text.slice(0, -'{Enter}'.length) : text);
  if (enter) await user.keyboard('{Enter}');
}
