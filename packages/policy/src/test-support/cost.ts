import { parse, plan, celEnv } from '@bufbuild/cel';

/**
 * The runtime cost of a CEL expression by the model Kubernetes enforces (cel-go's runtime cost
 * tracker, interpreter/runtimecost.go): an identifier or field selection (and `has`) costs 1, a
 * constant 0, a function call 1, a list literal 10 and a map literal 30; string `+`, `lowerAscii`,
 * `split` and `join` cost 0.1 a character; `matches` costs (1 + length) × 0.1 times the pattern's
 * length × 0.25; `in` a list its size; `&&`, `||` and `?:` only what they evaluate; a comprehension
 * its range, its start and every iteration's condition and step. Equality is charged one a value
 * compared (cel-go charges less for lists and maps): the figure is an upper bound.
 *
 * @bufbuild/cel has no cost tracking, so this evaluator walks the parsed expression itself, for the
 * subset of CEL the policies are written in; tests compare its results with @bufbuild/cel's.
 */
// RE2 matching as CEL does it, borrowed from @bufbuild/cel so that both evaluators agree.
const matchProgram = plan(celEnv({}), parse('text.matches(pattern)'));
const re2Matches = (text: string, pattern: string): boolean => matchProgram({ text, pattern } as never) === true;

type Value = null | boolean | bigint | number | string | Value[] | Map<string, Value> | { type: string };

interface Node {
  exprKind: { case: string; value: Record<string, unknown> };
}

const TYPES = new Set(['map', 'list', 'string', 'null_type', 'bool', 'int', 'double']);

function typeOf(value: Value): string {
  if (value === null) return 'null_type';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map) return 'map';
  return 'type';
}

/** Values compared by `==`: the count charged, and whether they are equal (CEL's heterogeneous equality). */
function equal(a: Value, b: Value, count: { n: number }): boolean {
  count.n++;
  if (typeof a === 'bigint' && typeof b === 'number') return Number(a) === b;
  if (typeof a === 'number' && typeof b === 'bigint') return a === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i], count));
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([key, item]) => b.has(key) && equal(item, b.get(key) as Value, count));
  if (typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof Map) && typeof b === 'object' && b !== null && !Array.isArray(b) && !(b instanceof Map)) return a.type === b.type;
  return a === b;
}

const size = (value: Value): number => (typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : value instanceof Map ? value.size : 1);

export class CostMeter {
  cost = 0;

  run(expression: string, bindings: Record<string, Value>): Value {
    return this.eval(parse(expression).expr as unknown as Node, new Map(Object.entries(bindings)));
  }

  private eval(node: Node, scope: Map<string, Value>): Value {
    const { case: kind, value } = node.exprKind;
    switch (kind) {
      case 'constExpr': {
        const constant = (value as { constantKind: { case: string; value: unknown } }).constantKind;
        if (constant.case === 'nullValue') return null;
        if (constant.case === 'int64Value') return BigInt(constant.value as bigint);
        return constant.value as Value;
      }
      case 'identExpr': {
        const name = value.name as string;
        this.cost += 1;
        if (scope.has(name)) return scope.get(name) as Value;
        if (TYPES.has(name)) return { type: name };
        throw new Error(`unknown identifier ${name}`);
      }
      case 'selectExpr': {
        const operand = this.eval(value.operand as Node, scope);
        this.cost += 1;
        const field = value.field as string;
        if (!(operand instanceof Map)) throw new Error(`select ${field} on ${typeOf(operand)}`);
        if (value.testOnly) return operand.has(field);
        if (!operand.has(field)) throw new Error(`no such key ${field}`);
        return operand.get(field) as Value;
      }
      case 'listExpr': {
        this.cost += 10;
        return (value.elements as Node[]).map((element) => this.eval(element, scope));
      }
      case 'structExpr': {
        this.cost += 30;
        if ((value.entries as unknown[]).length > 0) throw new Error('only empty map literals are written');
        return new Map();
      }
      case 'comprehensionExpr': {
        const range = this.eval(value.iterRange as Node, scope);
        const items = Array.isArray(range) ? range : range instanceof Map ? [...range.keys()] : undefined;
        if (!items) throw new Error('comprehension over a non-list');
        const inner = new Map(scope);
        inner.set(value.accuVar as string, this.eval(value.accuInit as Node, scope));
        for (const item of items) {
          inner.set(value.iterVar as string, item);
          if (this.eval(value.loopCondition as Node, inner) !== true) break;
          inner.set(value.accuVar as string, this.eval(value.loopStep as Node, inner));
        }
        return this.eval(value.result as Node, inner);
      }
      case 'callExpr':
        return this.call(value as { function: string; target?: Node; args: Node[] }, scope);
      default:
        throw new Error(`unsupported expression ${kind}`);
    }
  }

  private call(call: { function: string; target?: Node; args: Node[] }, scope: Map<string, Value>): Value {
    const { args } = call;
    const fn = call.function;
    if (fn === '_&&_' || fn === '_||_') {
      const stop = fn === '_||_';
      const left = this.eval(args[0], scope);
      if (left === stop) return stop;
      return this.eval(args[1], scope);
    }
    if (fn === '_?_:_') return this.eval(this.eval(args[0], scope) === true ? args[1] : args[2], scope);
    const target = call.target ? this.eval(call.target, scope) : undefined;
    const values = args.map((arg) => this.eval(arg, scope));
    const [a, b] = values;
    switch (fn) {
      case '!_':
        this.cost += 1;
        return !a;
      case '@not_strictly_false':
        this.cost += 1;
        return a !== false;
      case '_==_':
      case '_!=_': {
        const count = { n: 0 };
        const same = equal(a, b, count);
        this.cost += count.n;
        return fn === '_==_' ? same : !same;
      }
      case '_<_':
        this.cost += 1;
        return (a as bigint) < (b as bigint);
      case '_<=_':
        this.cost += 1;
        return (a as bigint) <= (b as bigint);
      case '_+_':
        if (typeof a === 'string') {
          this.cost += Math.ceil((size(a) + size(b)) * 0.1);
          return a + (b as string);
        }
        this.cost += Math.ceil((size(a) + size(b)) * 0.1);
        return [...(a as Value[]), ...(b as Value[])];
      case '_[_]':
        this.cost += 1;
        if (Array.isArray(a)) return a[Number(b)];
        return (a as Map<string, Value>).get(b as string) as Value;
      case '@in':
        this.cost += Array.isArray(b) ? b.length : 1;
        return Array.isArray(b) ? b.some((item) => equal(item, a, { n: 0 })) : (b as Map<string, Value>).has(a as string);
      case 'size':
        this.cost += 1;
        return BigInt(size(a));
      case 'type':
        this.cost += 1;
        return { type: typeOf(a) };
      case 'matches': {
        const text = target as string;
        const pattern = a as string;
        this.cost += Math.ceil((1 + size(text)) * 0.1) * Math.ceil(size(pattern) * 0.25);
        return re2Matches(text, pattern);
      }
      case 'contains': {
        const text = target as string;
        this.cost += Math.ceil((1 + size(text)) * 0.1) * Math.ceil(size(a) * 0.1);
        return text.includes(a as string);
      }
      case 'lowerAscii':
        this.cost += Math.ceil(size(target as string) * 0.1);
        return (target as string).replace(/[A-Z]/g, (c) => c.toLowerCase());
      case 'split':
        this.cost += Math.ceil(size(target as string) * 0.1);
        return (target as string).split(a as string);
      case 'trim':
        this.cost += Math.ceil(size(target as string) * 0.1);
        return (target as string).trim();
      case 'join': {
        const items = target as string[];
        this.cost += Math.ceil(items.reduce((sum, item) => sum + size(item), 0) * 0.1) + 1;
        return items.join(values.length > 0 ? (a as string) : '');
      }
      default:
        throw new Error(`unsupported function ${fn}`);
    }
  }
}
