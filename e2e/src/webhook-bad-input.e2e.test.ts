import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MATRIX_PIPELINE, PLAIN_TASK, pipelineWithTasks } from './support/objects';
import { killAll, review, send, startServe, type Reply, type ServeProcess } from './support/webhook-process';

type Expected = { status: number; error: RegExp } | { status: 200; allowed: boolean; message?: RegExp };

const valid = () => review(MATRIX_PIPELINE);
const withRequest = (fields: Record<string, unknown>) => {
  const body = valid();
  return { ...body, request: { ...(body.request as object), ...fields } };
};
const nested = (depth: number, leaf: string) => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
/** A review of a Pipeline whose task embeds a pipeline whose task embeds a pipeline…, as text (too deep for JSON.stringify). */
const nestedPipelines = (depth: number): string => {
  const [before, after] = JSON.stringify(review({ apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'deep' }, spec: 'SPEC' })).split('"SPEC"');
  const spec = `${'{"tasks":[{"name":"n","pipelineSpec":'.repeat(depth)}{"tasks":[{"name":"leaf","taskRef":{"name":"t"}}]}${'}]}'.repeat(depth)}`;
  return `${before}${spec}${after}`;
};

/** A review whose object's name is the given raw bytes: not UTF-8 at all. */
const withBytes = (object: Record<string, unknown>, bytes: number[]) => {
  const [before, after] = JSON.stringify(review({ ...object, metadata: { name: 'NAME' } })).split('NAME');
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
};

/** [name, body (string/Buffer sent as is, anything else as JSON), headers, what must come back]. */
const CASES: [string, unknown, Record<string, string>, Expected][] = [
  ['an empty body', '', {}, { status: 400, error: /^the body is empty/ }],
  ['whitespace only', '   \n', {}, { status: 400, error: /^the body is empty|^malformed JSON/ }],
  ['truncated JSON', '{"apiVersion":', {}, { status: 400, error: /^malformed JSON/ }],
  ['a bare JSON string', '"AdmissionReview"', {}, { status: 400, error: /^malformed JSON/ }],
  ['a bare number', '42', {}, { status: 400, error: /^malformed JSON/ }],
  ['null', 'null', {}, { status: 400, error: /^malformed JSON/ }],
  ['an array', [valid()], {}, { status: 400, error: /^the body must be a JSON object/ }],
  ['the wrong apiVersion', { ...valid(), apiVersion: 'admission.k8s.io/v1beta1' }, {}, { status: 400, error: /^apiVersion must be "admission\.k8s\.io\/v1"/ }],
  ['no apiVersion', { kind: 'AdmissionReview', request: valid().request }, {}, { status: 400, error: /^apiVersion must be/ }],
  ['the wrong kind', { ...valid(), kind: 'ConfigMap' }, {}, { status: 400, error: /^kind must be "AdmissionReview"/ }],
  ['a review without request', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }, {}, { status: 400, error: /has no request object/ }],
  ['request: null', { ...valid(), request: null }, {}, { status: 400, error: /has no request object/ }],
  ['request as an array', { ...valid(), request: [valid().request] }, {}, { status: 400, error: /has no request object/ }],
  ['a numeric uid', withRequest({ uid: 12345 }), {}, { status: 400, error: /^request\.uid must be/ }],
  ['an empty uid', withRequest({ uid: '' }), {}, { status: 400, error: /^request\.uid must be/ }],
  ['a 10 kB uid', withRequest({ uid: 'u'.repeat(10_000) }), {}, { status: 400, error: /^request\.uid must be/ }],
  ['request.kind as a string', withRequest({ kind: 'Pipeline' }), {}, { status: 400, error: /^request\.kind must be/ }],
  ['request.kind.kind as a number', withRequest({ kind: { group: 'tekton.dev', version: 'v1', kind: 7 } }), {}, { status: 400, error: /^request\.kind must be/ }],
  ['a lower-case operation', withRequest({ operation: 'create' }), {}, { status: 400, error: /^request\.operation must be one of/ }],
  ['no operation', withRequest({ operation: undefined }), {}, { status: 400, error: /^request\.operation must be one of/ }],
  ['object as a string on CREATE', withRequest({ object: 'apiVersion: tekton.dev/v1' }), {}, { status: 400, error: /^request\.object must be an object for CREATE/ }],
  ['object as an array on CREATE', withRequest({ object: [MATRIX_PIPELINE] }), {}, { status: 400, error: /^request\.object must be an object/ }],
  ['oldObject as a number on UPDATE', withRequest({ operation: 'UPDATE', oldObject: 3 }), {}, { status: 400, error: /^request\.oldObject must be an object or null/ }],
  ['subResource as an object', withRequest({ subResource: { name: 'status' } }), {}, { status: 400, error: /^request\.subResource, request\.name and request\.namespace must be strings/ }],
  ['text/plain', JSON.stringify(valid()), { 'content-type': 'text/plain' }, { status: 415, error: /application\/json/ }],
  ['a latin-1 charset', JSON.stringify(valid()), { 'content-type': 'application/json; charset=iso-8859-1' }, { status: 415, error: /send UTF-8 JSON/ }],
  ['a gzip body it cannot read', JSON.stringify(valid()), { 'content-encoding': 'gzip' }, { status: 400, error: /./ }],
  ['4 MiB of spaces', ' '.repeat(4 * 1024 * 1024), {}, { status: 413, error: /larger than 3 MiB/ }],
  ['spec as a string', review({ ...MATRIX_PIPELINE, spec: 'tasks: []' }), {}, { status: 200, allowed: true }],
  ['tasks as an object', review({ ...MATRIX_PIPELINE, spec: { tasks: { a: MATRIX_PIPELINE.spec.tasks[0] } } }), {}, { status: 200, allowed: true }],
  ['a matrix that is a number (no params or include, so no use)', review({ ...MATRIX_PIPELINE, spec: { tasks: [{ name: 'a', matrix: 5 }] } }), {}, { status: 200, allowed: true }],
  ['a step list of nulls and numbers', review({ ...PLAIN_TASK, spec: { steps: [null, 1, 'x', [], {}] } }), {}, { status: 200, allowed: true }],
  ['100,000 empty pipeline tasks', review({ ...MATRIX_PIPELINE, spec: { tasks: Array.from({ length: 100_000 }, () => ({})) } }), {}, { status: 200, allowed: true }],
  ['20,000 pipeline tasks with a matrix each', review(pipelineWithTasks(20_000, true)), {}, { status: 200, allowed: false }],
  ['200,000-deep nesting outside gated paths (allowed: no gate reads it, so it is never walked)', `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"deep","kind":{"group":"tekton.dev","version":"v1","kind":"Task"},"operation":"CREATE","object":{"apiVersion":"tekton.dev/v1","kind":"Task","metadata":${nested(200_000, '{}')},"spec":{}}}}`, {}, { status: 200, allowed: true }],
  ['200,000-deep nesting inside a matrix', `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"deep","kind":{"group":"tekton.dev","version":"v1","kind":"Pipeline"},"operation":"CREATE","object":{"apiVersion":"tekton.dev/v1","kind":"Pipeline","spec":{"tasks":[{"name":"a","matrix":{"params":${nested(200_000, '1')}}}]}}}}`, {}, { status: 200, allowed: false }],
  ['pipelines nested 2,000 deep (past the nesting limit)', nestedPipelines(2000), {}, { status: 200, allowed: false, message: /^spec(\.tasks\[0\]\.pipelineSpec){42}\.tasks\[0\]: nests deeper than 128 levels of gated fields/ }],
  ['pipelines nested 30 deep (within it: one violation per embedded pipeline)', nestedPipelines(30), {}, { status: 200, allowed: false, message: /^(spec(\.tasks\[0\]\.pipelineSpec)+: pipelineSpec requires .*\n?){30}$/ }],
  ['__proto__ keys that pretend to be the review', '{"__proto__":{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"x"}}}', {}, { status: 400, error: /^apiVersion must be/ }],
  ['__proto__ and constructor keys inside the object', `{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"p","kind":{"group":"tekton.dev","version":"v1","kind":"Pipeline"},"operation":"CREATE","object":{"apiVersion":"tekton.dev/v1","kind":"Pipeline","spec":{"__proto__":{"tasks":[{"matrix":{"params":[1]}}]},"constructor":{"prototype":{"allowed":true}},"tasks":[]}}}}`, {}, { status: 200, allowed: true }],
  ['invalid UTF-8 bytes in a name', withBytes(PLAIN_TASK, [0xc3, 0x28, 0xa0, 0xa1]), {}, { status: 200, allowed: true }],
  ['invalid UTF-8 bytes beside a gated field', withBytes(MATRIX_PIPELINE, [0xff, 0xfe, 0xc3]), {}, { status: 200, allowed: false }],
  ['a control character in a string', '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"\u0001"}}', {}, { status: 400, error: /^malformed JSON/ }],
];

describe('featuregates serve: bad input gets a clear 4xx or a correct decision, never a 5xx', () => {
  let server: ServeProcess;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-e2e-bad-'));
    writeFileSync(join(dir, 'flags.yaml'), 'enable-api-fields: stable\n');
    server = await startServe(['--config', join(dir, 'flags.yaml'), '--dev-cert', join(dir, 'certs')]);
  });

  afterAll(async () => {
    await server?.stop();
    killAll();
  });

  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Reply> => server.post('/validate', body, headers);

  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%s', async (_name, body, headers, expected) => {
    const reply = await post(body, headers);
    expect(reply.status).toBe(expected.status);
    if ('error' in expected) {
      expect((reply.json as { error: string }).error).toMatch(expected.error);
    } else {
      const response = (reply.json as { response: { allowed: boolean; uid: string; warnings: string[]; status?: { message: string } } }).response;
      expect(response.allowed).toBe(expected.allowed);
      if (expected.message) expect(response.status?.message).toMatch(expected.message);
      expect(response.warnings.length).toBeLessThanOrEqual(21);
    }
  });

  it('answers GET /validate with 405', async () => {
    expect((await send(`${server.url}/validate`, { ca: server.ca })).status).toBe(405);
  });

  it('survives fuzzed bodies: arbitrary JSON, mutated reviews, random bytes', async () => {
    const anyJson = fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value));
    const mutatedReview = fc
      .tuple(fc.constantFrom('request', 'apiVersion', 'kind', 'uid', 'operation', 'object', 'oldObject', 'subResource', 'spec', 'tasks', 'matrix'), fc.jsonValue({ maxDepth: 4 }))
      .map(([key, value]) => {
        const body = review(MATRIX_PIPELINE, { operation: 'UPDATE', oldObject: MATRIX_PIPELINE }) as Record<string, Record<string, unknown>>;
        const request = body.request;
        const object = request.object as Record<string, Record<string, unknown>>;
        if (key === 'request' || key === 'apiVersion' || key === 'kind') (body as Record<string, unknown>)[key] = value;
        else if (key === 'spec') object.spec = value as Record<string, unknown>;
        else if (key === 'tasks') object.spec = { tasks: value };
        else if (key === 'matrix') object.spec = { tasks: [{ name: 'a', matrix: value }] };
        else request[key] = value;
        return JSON.stringify(body);
      });
    const bytes = fc.uint8Array({ maxLength: 512 }).map((array) => Buffer.from(array));
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyJson, mutatedReview, bytes), async (body) => {
        const reply = await post(body);
        expect(reply.status).toBeLessThan(500);
        if (reply.status === 200) expect(typeof (reply.json as { response: { allowed: unknown } }).response.allowed).toBe('boolean');
        else expect(typeof (reply.json as { error: unknown }).error).toBe('string');
      }),
      { numRuns: 400 },
    );
    expect((await server.get('/healthz')).status).toBe(200);
    expect(server.logs.filter((line) => line.level === 'error')).toEqual([]);
  });
});
