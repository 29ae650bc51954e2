import { describe, expect, it } from 'vitest';

import { normaliseUscc, usccCheckChar, usccProblem, usccProblemWhileTyping } from '../uscc';

// Real, published codes: an enterprise in Hangzhou, one in Shenzhen, and a central public institution.
const REAL_CODES = ['91330100799655058B', '91440300708461136T', '12100000400000624D'];

describe('usccCheckChar (GB 32100-2015)', () => {
  it.each(REAL_CODES)('computes the check character of %s', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('maps a weighted sum divisible by 31 to 0, not to the 32nd character', () => {
    // All zeros: sum 0 -> (31 - 0) % 31 = 0 -> "0".
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('refuses input that is not 17 characters of the alphabet', () => {
    expect(() => usccCheckChar('9133010079965505')).toThrow();
    expect(() => usccCheckChar('9133010079965505I')).toThrow(/I/);
  });
});

describe('usccProblem', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('accepts lower case and surrounding spaces by normalising first', () => {
    expect(normaliseUscc(' 91330100799655058b ')).toBe('91330100799655058B');
    expect(usccProblem('91330100799655058b')).toBeNull();
    expect(usccProblem('12100000400000624d')).toBeNull();
  });

  it('says the check character does not match, without naming the one it should be', () => {
    expect(usccProblem('91330100799655058C')).toEqual({ kind: 'check' });
    expect(usccProblem('91440300708461136X')).toEqual({ kind: 'check' });
  });

  it('catches a single mistyped character in the body of the code', () => {
    // 7 instead of 1 at position 4: the check character B no longer matches.
    const problem = usccProblem('91370100799655058B');
    expect(problem).toEqual({ kind: 'check' });
  });

  it('reports the length first', () => {
    expect(usccProblem('9133010079965505')).toEqual({ kind: 'length', length: 16 });
    expect(usccProblem('91330100799655058BB')).toEqual({ kind: 'length', length: 19 });
    expect(usccProblem('')).toEqual({ kind: 'length', length: 0 });
  });

  it('lists the characters the alphabet leaves out (I, O, Z, S, V), each once', () => {
    expect(usccProblem('91330100799655O5SO')).toEqual({ kind: 'chars', chars: 'OS' });
    expect(usccProblem('9133010079965505-B')).toEqual({ kind: 'chars', chars: '-' });
  });

  it('requires digits for the administrative division (characters 3-8)', () => {
    expect(usccProblem('91A30100799655058B')).toEqual({ kind: 'division' });
  });
});

describe('usccProblemWhileTyping', () => {
  it('does not complain about a code that is only unfinished', () => {
    expect(usccProblemWhileTyping('9133')).toBeNull();
    expect(usccProblemWhileTyping('91330100799655058')).toBeNull();
  });

  it('complains at once about a character that can never be right', () => {
    expect(usccProblemWhileTyping('9133O')).toEqual({ kind: 'chars', chars: 'O' });
  });

  it('checks the check character as soon as the 18th is typed', () => {
    expect(usccProblemWhileTyping('91330100799655058C')).toEqual({ kind: 'check' });
    expect(usccProblemWhileTyping('91330100799655058b')).toBeNull();
  });
});
