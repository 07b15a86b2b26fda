import { clientError } from './request-errors';

describe('clientError', () => {
  it.each([
    [{ type: 'entity.too.large', status: 413 }, 413, 'the request body is larger than 3 MiB'],
    [{ type: 'entity.parse.failed', status: 400, message: 'Unexpected end of JSON input' }, 400, 'malformed JSON: Unexpected end of JSON input'],
    [{ type: 'charset.unsupported', status: 415, message: 'unsupported charset "LATIN1"' }, 415, 'unsupported charset "LATIN1": send UTF-8 JSON'],
    [{ type: 'request.aborted', status: 400, message: 'request aborted' }, 400, 'incomplete request body: request aborted'],
    [{ status: 405, expose: true, message: 'nope' }, 405, 'nope'],
    [{ status: 418, message: 'secret detail' }, 418, 'bad request'],
  ])('maps %j', (error, status, reason) => {
    expect(clientError(error)).toEqual({ status, reason });
  });

  it('leaves server faults alone', () => {
    expect(clientError(new Error('boom'))).toBeUndefined();
    expect(clientError({ status: 500 })).toBeUndefined();
    expect(clientError(undefined)).toBeUndefined();
  });
});
