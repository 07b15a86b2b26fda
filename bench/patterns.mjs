// `npm run bench:patterns`: time for every pattern of Tekton's catalog to test adversarial strings
// of 10k, 100k and 1M characters on the engine catalog patterns run on (RE2, through compilePattern)
// and, as the baseline in the same run, on V8's backtracking RegExp. Prints time/size against the
// 10k size of the same engine (about 1.0 throughout when matching is linear). V8 is skipped at a
// size once a smaller size took over 100 ms (it grows quadratically there, and would take minutes).
// Reads the packages' dist: the npm script builds them first.
import { compilePattern } from '../packages/gates/dist/index.js';
import { tektonCatalog } from '../packages/tekton/dist/index.js';

const SIZES = [10_000, 100_000, 1_000_000];
const UNITS = ['a', 'a:', ' ', '$(steps.', '$(tasks.x.'];
const V8_GIVE_UP_MS = 100;

const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
function bestMs(run, rounds = 5) {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

const patterns = [...new Map(tektonCatalog.features.flatMap((feature) =>
  feature.uses.flatMap((use) => (use.match.kind === 'pattern' ? [[use.match.pattern, use.match]] : [])))).values()];
// The lookahead the onError pattern replaced, and the pattern's V8 spelling, for the baseline.
const v8Spelling = (pattern) => (pattern.startsWith('^(?:[^\\$]') ? '^(?!\\$\\(params)[\\s\\S]' : pattern);

console.log('pattern | input | engine | ' + SIZES.map((size) => `${size / 1000}k ms`).join(' | ') + ' | time/size vs 10k at 1M');
for (const matcher of patterns) {
  const compiled = compilePattern(matcher.pattern, matcher.flags);
  if (!compiled.ok) throw new Error(compiled.message);
  const v8 = new RegExp(v8Spelling(matcher.pattern), matcher.flags);
  for (const unit of UNITS) {
    const texts = SIZES.map((size) => fill(unit, size));
    for (const [engine, test] of [['RE2', compiled.test], ['V8', (text) => v8.test(text)]]) {
      test(texts[0]);
      const times = [];
      for (const text of texts) {
        if (engine === 'V8' && times.some((ms) => ms > V8_GIVE_UP_MS)) break;
        times.push(bestMs(() => test(text), engine === 'V8' && times.length > 0 ? 1 : 5));
      }
      const cells = SIZES.map((_, i) => (times[i] === undefined ? 'skipped' : times[i].toFixed(2)));
      const last = times.length - 1;
      const ratio = last > 0 ? ((times[last] / SIZES[last]) / (times[0] / SIZES[0])).toFixed(2) : '-';
      console.log(`${matcher.pattern.slice(0, 40)} | ${JSON.stringify(unit)} | ${engine} | ${cells.join(' | ')} | ${ratio}${last < SIZES.length - 1 ? ` (at ${SIZES[last] / 1000}k)` : ''}`);
    }
  }
}
