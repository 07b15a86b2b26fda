import {
  apiFieldsRequired,
  ceilingHint,
  findFlag,
  forbiddenByListFlag,
  levelAdmits,
  moreStable,
  ownFlagOffDefault,
  ownFlagOrLevelHint,
  parseBool,
  parseConfig,
  parseFlagValue,
  projectOf,
  removedFeatureOf,
  removedFeatureUse,
  STABILITIES,
  voiceOf,
  type ApiFeature,
  type BehaviorFlag,
  type Registry,
  type Stability,
} from '@featuregates/gates';
import { anyOf, lit, template } from './cel-text';

/** A policy variable: a name and its CEL expression (it may read variables declared before it). */
export interface Variable {
  name: string;
  expression: string;
}

/** How one feature is decided, in CEL over the policy's variables. */
export interface FeatureDecision {
  feature: ApiFeature;
  /** A bool expression, or the constant `true`/`false`. */
  on: string;
  /** The message for a use at `patterns` (rendered once) with this title, as a CEL string expression. */
  message(patterns: string, title: string): string;
}

const RAW = '@@RAW@@';
const LEVEL = '@@LEVEL@@';
const VALUE = '{value}';

/** Go's strconv.ParseBool spellings, as the gate model parses them. */
const BOOL_CANDIDATES = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
export const TRUE_SPELLINGS = BOOL_CANDIDATES.filter((text) => parseBool(text) === true);
export const FALSE_SPELLINGS = BOOL_CANDIDATES.filter((text) => parseBool(text) === false);

const listLit = (items: readonly string[]): string => `[${items.map((item) => lit(item)).join(', ')}]`;

/**
 * The variables and per-feature decisions of a catalog under a bundle ceiling, read from the
 * feature-flags ConfigMap given as `params` (absent keys take the catalog's defaults; no `data`,
 * or no params at all, is every default).
 */
export class Decisions {
  readonly variables: Variable[] = [];
  private readonly keyVariables = new Map<string, string>();
  private readonly project;

  constructor(
    private readonly registry: Registry,
    private readonly ceiling: Stability,
  ) {
    this.project = projectOf(registry);
    this.add('data', 'params != null && has(params.data) ? params.data : {}');
    this.add('upd', `request.operation == "UPDATE" && oldObject != null`);
    this.levelVariables();
  }

  private add(name: string, expression: string): string {
    this.variables.push({ name, expression });
    return `variables.${name}`;
  }

  /** The raw text of a key, through its aliases (an alias applies only when the key itself is absent), or null. */
  private raw(key: string, name: string): string {
    const known = this.keyVariables.get(key);
    if (known) return known;
    let expression = 'null';
    const aliases = this.registry.aliases.filter((alias) => alias.target === key).map((alias) => alias.key);
    for (const candidate of [...aliases].reverse().concat(key)) {
      expression = `${lit(candidate)} in variables.data ? variables.data[${lit(candidate)}] : ${expression === 'null' ? 'null' : `(${expression})`}`;
    }
    const variable = this.add(name, expression);
    this.keyVariables.set(key, variable);
    return variable;
  }

  /** `level`: the effective level, or "" when the key's value is not one this bundle takes; `levelBad`: why. */
  private levelVariables(): void {
    const key = this.registry.apiFieldsKey;
    const raw = this.raw(key, 'levelRaw');
    const valid = this.project.levels.filter((level) => levelAdmits(this.ceiling, level));
    const fallback = moreStable(this.registry.defaultLevel, this.ceiling);
    this.add('level', `${raw} == null ? ${lit(fallback)} : ${raw}.lowerAscii() in ${listLit(valid)} ? ${raw}.lowerAscii() : ""`);
    // The gate model's own words for a bad level, rendered here for each case.
    const errorFor = (text: string): string => {
      const result = parseConfig(this.registry, { [key]: text }, { ceiling: this.ceiling });
      return result.errors[0]?.message ?? `invalid value for ${key}`;
    };
    let why = template(errorFor(RAW), { [JSON.stringify(RAW)]: `"\\"" + ${raw} + "\\""` });
    for (const level of STABILITIES.filter((entry) => !valid.includes(entry))) {
      why = `${raw}.lowerAscii() == ${lit(level)} ? ${lit(errorFor(level))} : (${why})`;
    }
    this.add('levelBad', `variables.level != "" ? "" : (${why})`);
  }

  /** `<name>`: "true", "false", "unset", or "" for a value that is not a boolean; `<name>Bad`: why. */
  private boolFlag(flag: BehaviorFlag, index: number): string {
    const name = `flag${index}`;
    const known = this.keyVariables.get(`bool:${flag.key}`);
    if (known) return known;
    const raw = this.raw(flag.key, `${name}Raw`);
    const variable = this.add(
      name,
      `${raw} == null ? "unset" : ${raw} in ${listLit(TRUE_SPELLINGS)} ? "true" : ${raw} in ${listLit(FALSE_SPELLINGS)} ? "false" : ""`,
    );
    const parsed = parseFlagValue(flag, RAW, voiceOf(this.registry));
    const message = parsed.ok ? `invalid value for ${flag.key}` : parsed.message;
    this.add(`${name}Bad`, `${variable} != "" ? "" : ${template(message, { [JSON.stringify(RAW)]: `"\\"" + ${raw} + "\\""` })}`);
    this.keyVariables.set(`bool:${flag.key}`, variable);
    return variable;
  }

  /** `<name>`: the items of a list flag (its default when absent); `<name>Bad`: "" or why its value is not allowed. */
  private listFlag(flag: BehaviorFlag, index: number): string {
    const name = `list${index}`;
    const known = this.keyVariables.get(`list:${flag.key}`);
    if (known) return known;
    const raw = this.raw(flag.key, `${name}Raw`);
    const defaults = Array.isArray(flag.default) ? (flag.default as string[]) : [];
    const variable = this.add(name, `${raw} == null ? ${listLit(defaults)} : ${raw} == "" ? [] : ${raw}.split(",")`);
    const allowed = flag.values;
    const parsed = parseFlagValue(flag, RAW, voiceOf(this.registry));
    const message = parsed.ok ? '' : parsed.message;
    // An item with spaces around an allowed one, or an empty item, loads as Tekton loads it and matches nothing.
    const check = allowed ? `${variable}.all(item, item in ${listLit(allowed)} || item.trim() == "" || item.trim() in ${listLit(allowed)})` : 'true';
    this.add(`${name}Bad`, `${check} ? "" : ${template(message, { [JSON.stringify(RAW)]: `"\\"" + ${raw} + "\\""` })}`);
    this.keyVariables.set(`list:${flag.key}`, variable);
    return variable;
  }

  private levelIn(stability: Stability): string {
    const admitting = STABILITIES.filter((level) => levelAdmits(level, stability));
    return `variables.level in ${listLit(admitting)}`;
  }

  /** How a feature is decided: never once removed; then the ceiling, a list flag that forbids it, its own flag under the catalog's rule, the level. */
  decide(feature: ApiFeature, index: number): FeatureDecision {
    const { registry, ceiling } = this;
    const key = registry.apiFieldsKey;
    const levelExpr = 'variables.level';
    const voice = voiceOf(registry);
    const flagText = (title: string): string | undefined => (feature.flag ? (feature.flagMessage ?? ownFlagOffDefault(voice, feature.flag, title, feature.stability)) : undefined);
    const base = (patterns: string, title: string): string => {
      const text = flagText(title);
      if (text !== undefined) return template(text.replace(VALUE, patterns), {});
      return template(apiFieldsRequired(voice, title, feature.stability, LEVEL as Stability, key), { [JSON.stringify(LEVEL)]: `"\\"" + ${levelExpr} + "\\""` });
    };
    const withPath = (patterns: string, body: string) => `${lit(`${patterns}: `)} + ${body}`;

    const removed = removedFeatureOf(feature);
    if (removed) return { feature, on: 'false', message: (patterns, title) => withPath(patterns, lit(removedFeatureUse(voice, title, removed.removedIn, removed.note, removed.replacedBy))) };

    if (!levelAdmits(ceiling, feature.stability)) {
      return { feature, on: 'false', message: (patterns, title) => withPath(patterns, `${base(patterns, title)} + ${lit(ceilingHint(voice, ceiling, feature.stability))}`) };
    }

    const bad: string[] = [];
    let disabled = 'false';
    if (feature.disabledBy) {
      const listFlag = findFlag(registry, feature.disabledBy.flag);
      if (listFlag) {
        const items = this.listFlag(listFlag, registry.flags.indexOf(listFlag));
        disabled = `${lit(feature.disabledBy.contains)} in ${items}`;
        bad.push(`${items}Bad`);
      }
    }

    const decides = this.project.ownFlagRule === 'own-flag-decides';
    const stableOwnFlag = feature.stability === 'stable' && feature.flag !== undefined && decides && findFlag(registry, feature.flag) !== undefined;
    if (feature.stability === 'stable' && disabled === 'false' && !stableOwnFlag) return { feature, on: 'true', message: (patterns, title) => withPath(patterns, base(patterns, title)) };
    let on: string;
    let hint = (_patterns: string): string | undefined => undefined;
    if (stableOwnFlag) {
      // Under own-flag-decides a stable feature keeps its own flag until the flag is removed: only false turns it off.
      const ownFlag = findFlag(registry, feature.flag as string) as BehaviorFlag;
      const value = this.boolFlag(ownFlag, registry.flags.indexOf(ownFlag));
      const forced = ownFlag.impliedBy ? this.levelIn(ownFlag.impliedBy) : 'false';
      bad.push(`${value}Bad`);
      if (ownFlag.impliedBy) bad.push('variables.levelBad');
      on = `!(${disabled}) && (${value} == "unset" ? ${anyOf([forced, lit(ownFlag.default !== false)])} : ${anyOf([`${value} == "true"`, forced])})`;
    } else if (feature.stability === 'stable') {
      on = `!(${disabled})`;
    } else {
      const ownFlag = feature.flag ? findFlag(registry, feature.flag) : undefined;
      if (!feature.flag) {
        on = this.levelIn(feature.stability);
        bad.push('variables.levelBad');
      } else {
        // A flag the catalog does not declare can never be set: it stays unset.
        const value = ownFlag ? this.boolFlag(ownFlag, registry.flags.indexOf(ownFlag)) : '"unset"';
        if (ownFlag) bad.push(`${value}Bad`);
        const forced = ownFlag?.impliedBy ? this.levelIn(ownFlag.impliedBy) : 'false';
        if (ownFlag?.impliedBy) bad.push('variables.levelBad');
        const explicit = anyOf([`${value} == "true"`, forced]);
        if (this.project.ownFlagRule === 'own-flag-overrides-level') {
          on = `(${value} == "unset" ? ${this.levelIn(feature.stability)} : ${explicit})`;
          bad.push(`(${value} == "unset" ? variables.levelBad : "")`);
          const flag = feature.flag;
          hint = () => `(${value} == "unset" ? ${lit(ownFlagOrLevelHint(voice, flag, key, feature.stability))} : "")`;
        } else {
          const unset = anyOf([forced, lit(ownFlag?.default === true)]);
          on = `(${value} == "unset" ? ${unset} : ${explicit})`;
        }
      }
      if (disabled !== 'false') on = `(!(${disabled}) && ${on})`;
    }

    const badExpr = bad.length === 0 ? '""' : bad.reduceRight((rest, entry) => `(${entry} != "" ? ${entry} : ${rest})`, '""');
    const onExpr = this.add(`on${index}`, bad.length === 0 ? on : `(${badExpr}) == "" && ${on}`);
    const badVar = bad.length === 0 ? undefined : this.add(`bad${index}`, badExpr);
    return {
      feature,
      on: onExpr,
      message: (patterns, title) => {
        const item = feature.disabledBy;
        const forbidden = item ? lit(forbiddenByListFlag(voice, patterns, item.flag, item.contains, title)) : undefined;
        const extra = hint(patterns);
        let body = extra ? `${base(patterns, title)} + ${extra}` : base(patterns, title);
        if (forbidden) body = `(${disabled} ? ${forbidden} : ${body})`;
        return withPath(patterns, badVar ? `(${badVar} != "" ? ${badVar} : ${body})` : body);
      },
    };
  }
}
