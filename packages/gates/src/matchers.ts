import { compilePattern } from './pattern';
import type { Matcher } from './registry';

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

function isNonEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    for (const key in value) if (hasOwn(value, key)) return true;
    return false;
  }
  return true;
}

function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && test(item));
  if (typeof value === 'object' && value !== null) {
    return Object.keys(value).some((key) => {
      const item = (value as Record<string, unknown>)[key];
      return typeof item === 'string' && test(item);
    });
  }
  return false;
}

/** Turns a matcher into a predicate over whatever JSON value sits at the use's path. */
export function compileMatcher(matcher: Matcher): (value: unknown) => boolean {
  switch (matcher.kind) {
    case 'present':
      return (value) => value !== null && value !== undefined;
    case 'nonEmpty': {
      const children = matcher.anyOf;
      if (!children) return isNonEmpty;
      return (value) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) &&
        children.some((child) => hasOwn(value, child) && isNonEmpty((value as Record<string, unknown>)[child]));
    }
    case 'oneOf': {
      const values = new Set<unknown>(matcher.values);
      return (value) => values.has(value);
    }
    case 'pattern': {
      const compiled = compilePattern(matcher.pattern, matcher.flags);
      if (!compiled.ok) throw new Error(`pattern ${JSON.stringify(matcher.pattern)} does not compile: ${compiled.message}`);
      return (value) => someString(value, compiled.test);
    }
  }
}
