// `npm run bench:walker`: time to evaluate a v1 Pipeline whose pipeline task embeds a pipelineSpec
// that embeds another, N levels deep, at several depths, and time/depth against the shallowest
// depth in the same run (about 1.0 throughout when evaluation is linear in object size).
// CREATE runs at enable-api-fields "alpha" (every level is a use that is warned about); UPDATE runs
// at "stable" against an identical copy of the object (every level is ratcheted).
// Past about 2,000 levels the result (two uses a level, each with a path of up to 64 segments)
// outgrows V8's young generation and time/depth steps up once from garbage collection, then stays
// flat; `node --max-semi-space-size=256 bench/walker.mjs` shows it without that step.
// Reads the packages' dist: the npm script builds them first.
import { evaluate, parseConfig } from '../packages/gates/dist/index.js';
import { tektonCatalog } from '../packages/tekton/dist/index.js';

const DEPTHS = [250, 500, 1000, 2000, 4000];
const MIN_RUNS = 9;
const MIN_TOTAL_MS = 500;
const WARM_UP_RUNS = 20;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function configAt(level) {
  const result = parseConfig(tektonCatalog, { 'enable-api-fields': level });
  if (!result.config) throw new Error(result.errors.map((error) => error.message).join('; '));
  return result.config;
}

function nestedPipeline(depth) {
  let spec = { tasks: [{ name: 'leaf', taskRef: { name: 't' }, matrix: { params: [{ name: 'x', value: ['1'] }] } }] };
  for (let i = 0; i < depth; i++) spec = { tasks: [{ name: `level-${i}`, pipelineSpec: spec }] };
  return { apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'deep' }, spec };
}

// Median of at least MIN_RUNS runs and MIN_TOTAL_MS, so the shallow depths (the baseline) get enough samples.
function timeMs(run) {
  const samples = [];
  let total = 0;
  while (samples.length < MIN_RUNS || total < MIN_TOTAL_MS) {
    const start = process.hrtime.bigint();
    run();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    samples.push(ms);
    total += ms;
  }
  return median(samples);
}

const SCENARIOS = {
  'CREATE, alpha': (object) => {
    const options = { config: configAt('alpha'), operation: 'CREATE', maxDepth: Infinity };
    return () => evaluate(object, options);
  },
  'UPDATE, stable, identical old object': (object, depth) => {
    const options = { config: configAt('stable'), operation: 'UPDATE', oldObject: nestedPipeline(depth), maxDepth: Infinity };
    return () => {
      if (!evaluate(object, options).allowed) throw new Error('an unchanged object must be ratcheted');
    };
  },
};

for (const [name, prepare] of Object.entries(SCENARIOS)) {
  const warmUp = prepare(nestedPipeline(DEPTHS[0]), DEPTHS[0]);
  for (let i = 0; i < WARM_UP_RUNS; i++) warmUp();
  console.log(`\n${name} (median of at least ${MIN_RUNS} runs)`);
  console.log('depth'.padStart(6), 'ms'.padStart(10), 'time/depth vs first'.padStart(22));
  let baseline;
  for (const depth of DEPTHS) {
    const ms = timeMs(prepare(nestedPipeline(depth), depth));
    baseline ??= ms / depth;
    console.log(String(depth).padStart(6), ms.toFixed(2).padStart(10), (ms / depth / baseline).toFixed(2).padStart(22));
  }
}
