import type { Translate } from '@/i18n/i18n';

/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015: the same check the server runs
 * (backend/accounts/uscc.py), so a typing mistake is caught while the user types.
 *
 * 18 characters from a 31-character alphabet (no I, O, Z, S, V): registration authority (1),
 * organisation type (1), administrative division (6 digits), organisation code (9), check (1).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

export type UsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'chars'; chars: string }
  | { kind: 'division' }
  | { kind: 'check' };

/** Upper-cases and trims: people type codes in lower case and paste them with spaces. */
export function normaliseUscc(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character for the first 17 characters (which must all be in the alphabet). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) throw new Error('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < first17.length; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`not a USCC character: ${first17.charAt(i)}`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Characters the code may not contain, each once, in order of appearance. */
function invalidChars(code: string): string {
  return [...new Set([...code].filter((char) => !USCC_ALPHABET.includes(char)))].join('');
}

/**
 * null if `code` (after normalising) is a well-formed USCC, else what is wrong with it, checked
 * in the server's order: length, characters, division code, check character.
 */
export function usccProblem(code: string): UsccProblem | null {
  const value = normaliseUscc(code);
  if (value.length !== USCC_LENGTH) return { kind: 'length', length: value.length };
  const chars = invalidChars(value);
  if (chars) return { kind: 'chars', chars };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { kind: 'division' };
  // Which character was expected is kept to ourselves: named, it invites "fixing" the last
  // character when the typo is elsewhere, which makes another organisation's valid code.
  return value.charAt(17) === usccCheckChar(value.slice(0, 17)) ? null : { kind: 'check' };
}

/**
 * The problem that is already certain while the user is still typing: a bad character at once,
 * a wrong check character as soon as all 18 are there. A short code is not yet an error.
 */
export function usccProblemWhileTyping(code: string): UsccProblem | null {
  const value = normaliseUscc(code);
  const chars = invalidChars(value);
  if (chars) return { kind: 'chars', chars };
  if (value.length < USCC_LENGTH) return null;
  return usccProblem(value);
}

/** A problem in words, for the field's message (registration, a contract's parties). */
export function usccMessage(problem: UsccProblem, t: Translate): string {
  switch (problem.kind) {
    case 'length':
      return t('uscc.error.length', { length: problem.length });
    case 'chars':
      return t('uscc.error.chars', { chars: problem.chars });
    case 'division':
      return t('uscc.error.division');
    case 'check':
      return t('uscc.error.check');
  }
}
