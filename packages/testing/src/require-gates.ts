import { assertValidCatalog, type GateConfig, type Registry } from '@featuregates/gates';
import * as messages from './messages';
import { checkRequirements, describeRequirement, describeRunning, isMet, type CheckedRequirement, type GateRequirements } from './requirements';
import { runningConfig } from './running-config';

// The few jest globals the helpers call; typed here so that the package does not need jest's types.
type TestBody = (...args: never[]) => unknown;
export interface TestFunction {
  (name: string, fn: TestBody, timeout?: number): void;
  skip(name: string, fn: TestBody, timeout?: number): void;
}
export interface DescribeFunction {
  (name: string, fn: () => void): void;
  skip(name: string, fn: () => void): void;
}
export interface JestGlobals {
  it: TestFunction;
  test: TestFunction;
  describe: DescribeFunction;
}

/** Tests, tests and blocks that run only when the running config meets the requirements. */
export interface GatedTests {
  /** Whether the running config meets the requirements. */
  readonly met: boolean;
  /** Why they are skipped (empty when they run). */
  readonly reason: string;
  it(name: string, fn: TestBody, timeout?: number): void;
  test(name: string, fn: TestBody, timeout?: number): void;
  describe(name: string, fn: () => void): void;
}

export interface GateTesting<R extends Registry> {
  /** Run only when every key has (one of) the given value(s). */
  requireGates(requirements: GateRequirements<R>): GatedTests;
  /** Run when at least one key has (one of) the given value(s). */
  requireAnyGate(requirements: GateRequirements<R>): GatedTests;
  /** The config this process runs under. */
  runningConfig(): GateConfig;
}

export interface GateTestingOptions {
  /** Where FEATUREGATES_CONFIG is read from; the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** jest's globals; looked up when a test is declared by default. */
  globals?: JestGlobals;
}

function gated(met: boolean, reason: string, globals: () => JestGlobals): GatedTests {
  const declare = (kind: 'it' | 'test') => (name: string, fn: TestBody, timeout?: number) => {
    const declareTest = globals()[kind];
    if (met) declareTest(name, fn, timeout);
    else declareTest.skip(messages.skippedName(name, reason), fn, timeout);
  };
  return {
    met,
    reason,
    it: declare('it'),
    test: declare('test'),
    describe: (name, fn) => (met ? globals().describe(name, fn) : globals().describe.skip(messages.skippedName(name, reason), fn)),
  };
}

/**
 * Skip helpers for a catalog. Requirements are checked against the catalog when they are declared,
 * at load time, so a typo fails the suite loudly instead of silently skipping forever (Tekton's
 * "keep-pod-enabled-cancel"); a skipped test carries its reason in its name. A catalog that does
 * not validate (`validateCatalog`) throws a CatalogError listing every problem.
 */
export function gateTesting<R extends Registry>(catalog: R, options: GateTestingOptions = {}): GateTesting<R> {
  assertValidCatalog(catalog);
  let config: GateConfig | undefined;
  const current = () => (config ??= runningConfig(catalog, options.env ?? process.env));
  const globals = () => options.globals ?? (globalThis as unknown as JestGlobals);

  const build = (helper: string, requirements: GateRequirements<R>, all: boolean): GatedTests => {
    const checked: CheckedRequirement[] = checkRequirements(catalog, requirements as Readonly<Record<string, unknown>>, helper);
    const running = current();
    const met = all ? checked.every((requirement) => isMet(running, requirement)) : checked.some((requirement) => isMet(running, requirement));
    const needs = checked.map(describeRequirement).join(all ? ', ' : ' or ');
    return gated(met, met ? '' : messages.skipReason(needs, describeRunning(running, checked)), globals);
  };

  return {
    requireGates: (requirements) => build('requireGates', requirements, true),
    requireAnyGate: (requirements) => build('requireAnyGate', requirements, false),
    runningConfig: current,
  };
}
