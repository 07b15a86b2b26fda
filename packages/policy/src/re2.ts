import { compilePattern } from '@featuregates/gates';

/**
 * A catalog pattern is RE2 (the gate model compiles it with re2js, as Tekton's Go code does), and so
 * is CEL's `matches`: the pattern is written into the policy as it is, its flags as RE2 flag groups.
 */
export interface Re2Pattern {
  /** Patterns that must all match. */
  all: string[];
  /** Patterns none of which may match. */
  none: string[];
}

export class PatternError extends Error {}

const FLAG_GROUPS: Readonly<Record<string, string>> = { i: 'i', m: 'm', s: 's' };

/** The RE2 form of a catalog pattern; refused, with the gate model's reason, where the model refuses it. */
export function toRe2(pattern: string, flags = ''): Re2Pattern {
  const compiled = compilePattern(pattern, flags);
  if (!compiled.ok) throw new PatternError(compiled.message);
  const letters = [...new Set(flags)].map((flag) => FLAG_GROUPS[flag]).join('');
  return { all: [letters ? `(?${letters})${pattern}` : pattern], none: [] };
}

/**
 * The pattern's structural characters from `from` on, each with the group depth before it:
 * escaped characters and everything inside a character class are skipped.
 */
function* structure(source: string, from: number): Generator<{ c: string; i: number; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else {
      yield { c, i, depth };
      if (c === '(') depth++;
      else if (c === ')') depth--;
    }
  }
}

/** Where the index just past the group opening at `open` is, skipping escapes and classes. */
function groupEnd(source: string, open: number): number {
  for (const { c, i, depth } of structure(source, open)) if (c === ')' && depth === 1) return i + 1;
  throw new PatternError('a group is not closed');
}

/** Splits a pattern at its top-level `|`. */
function branches(pattern: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const { c, i, depth } of structure(pattern, 0)) {
    if (c === '|' && depth === 0) {
      out.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  out.push(pattern.slice(start));
  return out;
}

const QUANTIFIER = /^(?:[?*]|\{0[,}])/;

/** The longest run of literal characters a branch always contains (outside groups, classes and optional parts). */
function requiredRun(branch: string): string {
  let best = '';
  let run = '';
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < branch.length) {
    const c = branch[i];
    let literal: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const escaped = branch[i + 1] ?? '';
      if (/[^A-Za-z0-9]/.test(escaped)) literal = escaped;
      next = i + 2;
    } else if (c === '(' ) {
      end();
      i = branch.indexOf(')', i) < 0 ? branch.length : skipGroup(branch, i);
      continue;
    } else if (c === '[') {
      end();
      let j = i + 1;
      while (j < branch.length && branch[j] !== ']') j += branch[j] === '\\' ? 2 : 1;
      next = j + 1;
    } else if (!'^$.+*?{}|'.includes(c)) {
      literal = c;
    }
    const quantified = QUANTIFIER.test(branch.slice(next));
    if (literal !== undefined && !quantified) {
      run += literal;
      // A `+` keeps this character required but ends the run of consecutive ones.
      if (branch[next] === '+') end();
    } else {
      end();
    }
    i = next;
  }
  end();
  return best;
}

function skipGroup(source: string, open: number): number {
  try {
    return groupEnd(source, open);
  } catch {
    return source.length;
  }
}

/**
 * Literal strings one of which every match contains (`$(steps.` for Tekton's artifact references),
 * or undefined when some branch has no such literal of two or more characters. A `contains` test
 * on them costs a fraction of `matches` in Kubernetes' cost model, so it is tried first.
 */
export function requiredLiterals(pattern: string, flags = ''): string[] | undefined {
  // Case-insensitive parts, quoted text (\Q…\E) and class shorthands are not read: no prefilter then.
  if (flags.includes('i') || /\(\?[a-zA-Z-]/.test(pattern) || /\\[QpP]/.test(pattern)) return undefined;
  const runs = branches(pattern).map(requiredRun);
  if (runs.some((run) => run.length < 2)) return undefined;
  return [...new Set(runs)];
}
