/**
 * A catalog pattern is a JavaScript regular expression (the gate model tests it with RegExp); CEL's
 * `matches` is RE2. The two agree on most syntax but not on every meaning: JavaScript's `\s` and
 * `.` know more line and space characters than RE2's, and RE2 has no lookaround. This module
 * rewrites a pattern into RE2 with the same meaning, or says why it cannot.
 */

/** JavaScript's WhiteSpace and LineTerminator characters, as RE2 class items. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** What `.` does not match in JavaScript without the `s` flag. */
const JS_LINE_END = '\\n\\r\\x{2028}\\x{2029}';

/** A pattern as RE2: it matches a string when `all` match and no `none` does (a leading `^(?!X)` becomes `none: ^(?:X)`). */
export interface Re2Pattern {
  all: string[];
  none: string[];
}

export class PatternError extends Error {}

const ESCAPES_KEPT = new Set(['d', 'D', 'w', 'W', 'b', 'B', 'n', 'r', 't', 'f', 'v']);

function hex(code: string): string {
  return `\\x{${code.toUpperCase()}}`;
}

/** Rewrites one escape (the text after a backslash at `i`); returns the RE2 text and the index after it. */
function escape(source: string, i: number, inClass: boolean, unicode: boolean): { text: string; next: number } {
  const c = source[i];
  if (c === undefined) throw new PatternError('it ends with a lone backslash');
  if (c === 's') return { text: inClass ? JS_SPACE : `[${JS_SPACE}]`, next: i + 1 };
  // Inside a class `\S` keeps RE2's meaning; translate() accepts that only beside `\s`, where the union is every character in both.
  if (c === 'S') return { text: inClass ? '\\S' : `[^${JS_SPACE}]`, next: i + 1 };
  if (ESCAPES_KEPT.has(c)) return { text: `\\${c}`, next: i + 1 };
  if (c === '0' && !/[0-9]/.test(source[i + 1] ?? '')) return { text: '\\x{0}', next: i + 1 };
  if (/[1-9]/.test(c)) throw new PatternError('back-references are not RE2');
  if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 1, i + 3))) return { text: hex(source.slice(i + 1, i + 3)), next: i + 3 };
  if (c === 'u') {
    if (/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) return { text: hex(source.slice(i + 1, i + 5)), next: i + 5 };
    const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 1));
    if (unicode && braced) return { text: hex(braced[1]), next: i + 1 + braced[0].length };
  }
  if (/[A-Za-z0-9]/.test(c)) throw new PatternError(`the escape \`\\${c}\` has no RE2 equivalent here`);
  return { text: `\\${c}`, next: i + 1 };
}

function translate(source: string, dotAll: boolean, unicode: boolean): string {
  let out = '';
  let i = 0;
  let inClass = false;
  let classSpaces = { s: false, S: false };
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const { text, next } = escape(source, i + 1, inClass, unicode);
      if (inClass && (source[i + 1] === 's' || source[i + 1] === 'S')) classSpaces[source[i + 1] as 's' | 'S'] = true;
      out += text;
      i = next;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        if (classSpaces.S && !classSpaces.s) throw new PatternError('`\\S` inside a character class has no RE2 equivalent with JavaScript\'s meaning unless `\\s` is there too');
        inClass = false;
      }
      if (c === '[') out += '\\[';
      else out += c;
      i++;
      continue;
    }
    if (c === '[') {
      if (source.startsWith('[^]', i) || source.startsWith('[]', i)) throw new PatternError('empty character classes are not RE2');
      inClass = true;
      classSpaces = { s: false, S: false };
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      i++;
      continue;
    }
    if (c === '.') {
      out += dotAll ? '(?s:.)' : `[^${JS_LINE_END}]`;
      i++;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2);
      if (rest.startsWith(':')) {
        out += '(?:';
        i += 3;
        continue;
      }
      const named = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += '(?:';
        i += 2 + named[0].length;
        continue;
      }
      throw new PatternError('lookahead and lookbehind are not RE2 (only a leading `^(?!…)` is rewritten)');
    }
    out += c;
    i++;
  }
  if (inClass) throw new PatternError('a character class is not closed');
  return out;
}

/** The index just past the group that opens at `open` (a `(`), skipping escapes and classes. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
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
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new PatternError('a group is not closed');
}

/**
 * The RE2 form of a catalog pattern with the meaning RegExp gives it. Flags `i`, `s` and `u` are
 * kept; `m`, `g`, `y` and `d` are refused (`m` because its line ends differ between the engines).
 */
export function toRe2(pattern: string, flags = ''): Re2Pattern {
  for (const flag of flags) if (!'isu'.includes(flag)) throw new PatternError(`the flag "${flag}" is not supported`);
  const prefix = flags.includes('i') ? '(?i)' : '';
  const dotAll = flags.includes('s');
  const unicode = flags.includes('u');
  const none: string[] = [];
  let body = pattern;
  // `^(?!X)R` matches exactly when `^(?:R)` does and `^(?:X)` does not: both are anchored at the start.
  while (body.startsWith('^(?!')) {
    const end = groupEnd(body, 1);
    none.push(`${prefix}^(?:${translate(body.slice(4, end - 1), dotAll, unicode)})`);
    body = `^${body.slice(end)}`;
  }
  return { all: [`${prefix}${translate(body, dotAll, unicode)}`], none };
}

/** Splits a pattern at its top-level `|`. */
function branches(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
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
  if (flags.includes('i')) return undefined;
  let body = pattern;
  while (body.startsWith('^(?!')) body = `^${body.slice(skipGroup(body, 1))}`;
  const runs = branches(body).map(requiredRun);
  if (runs.some((run) => run.length < 2)) return undefined;
  return [...new Set(runs)];
}
