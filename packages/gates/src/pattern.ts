import { RE2JS } from 're2js';
import * as messages from './messages';

/** A catalog pattern compiled for matching, or why it cannot be. */
export type CompiledPattern = { ok: true; test(text: string): boolean } | { ok: false; message: string };

/**
 * The JavaScript flag letters a catalog may give, as RE2 flags. Others (g, y, u, d, v) either
 * change nothing a test needs or have no RE2 meaning, so they are refused rather than ignored.
 */
const FLAGS: Readonly<Record<string, number>> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL,
};

/**
 * Compiles a catalog's `pattern` matcher; every pattern a catalog holds goes through here. Patterns
 * run on RE2 (the engine Go's regexp, and so Tekton, uses): matching is linear in the text, so a
 * long string in an object costs no more than reading it, and Go syntax means Go semantics.
 * Backreferences and lookaround, which RE2 cannot run in linear time, are refused.
 */
export function compilePattern(pattern: string, flags = ''): CompiledPattern {
  let mask = 0;
  for (const letter of flags) {
    const flag = FLAGS[letter];
    if (flag === undefined || !Object.prototype.hasOwnProperty.call(FLAGS, letter)) {
      return { ok: false, message: messages.unsupportedPatternFlag(letter, Object.keys(FLAGS)) };
    }
    mask |= flag;
  }
  try {
    const regex = RE2JS.compile(pattern, mask);
    return { ok: true, test: (text) => regex.test(text) };
  } catch (error) {
    return { ok: false, message: messages.patternRefused((error as Error).message) };
  }
}
