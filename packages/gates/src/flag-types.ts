import type { BehaviorFlag, FlagValue, Registry } from './registry';
import type { Stability } from './stability';

/**
 * Literal types over a catalog written as data. Where a catalog keeps its flags' keys and values
 * as literals (see `defineFlag`), a key that is not in it is a compile-time error and a value has
 * its precise type (`coschedule` is `'workspaces' | 'pipelineruns' | …`); over a plain `Registry`
 * every key is a `string` and every value a `FlagValue`, checked at run time instead.
 */

/** The value a flag holds once parsed, from its definition. */
export type FlagValueOf<F> = F extends { type: 'bool' }
  ? boolean
  : F extends { type: 'int' }
    ? number
    : F extends { type: 'enum'; values: readonly (infer V extends string)[] }
      ? V
      : F extends { type: 'list'; values: readonly (infer V extends string)[] }
        ? readonly V[]
        : F extends { type: 'list' }
          ? readonly string[]
          : F extends { type: 'enum' | 'string' }
            ? string
            : FlagValue;

/** A registry whose flags (and level key) keep their literal types. */
export type TypedRegistry<Flags extends readonly BehaviorFlag[], LevelKey extends string = string> = Registry & {
  readonly apiFieldsKey: LevelKey;
  readonly flags: Flags;
};

type FlagOf<R extends Registry> = R['flags'][number];

/** Every behaviour flag key of a catalog: a union of literals, or `string` for a plain `Registry`. */
export type FlagKey<R extends Registry> = FlagOf<R>['key'];

/** Every key a config of this catalog decides with: its flags and its level key. */
export type ConfigKey<R extends Registry> = FlagKey<R> | R['apiFieldsKey'];

/** The keys of boolean flags: what `enabled(key)` accepts. */
export type BoolFlagKey<R extends Registry> = string extends FlagKey<R> ? string : Extract<FlagOf<R>, { type: 'bool' }>['key'];

/** Key → value type for a catalog's whole config (the level key's value is a stability). */
export type ConfigValues<R extends Registry> = string extends FlagKey<R>
  ? Record<string, FlagValue>
  : { [F in FlagOf<R> as F['key']]: FlagValueOf<F> } & { [K in R['apiFieldsKey']]: Stability };

/**
 * Keeps a flag's key, type and values as literals (a `const` type parameter) while checking it is
 * a `BehaviorFlag`, so a catalog built from it is a `TypedRegistry`.
 */
export function defineFlag<const F extends BehaviorFlag>(flag: F): F & BehaviorFlag {
  return flag;
}
