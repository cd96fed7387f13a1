import { AppError, NotFound, ServiceUnavailable } from '#shared/kernel/errors.ts';
import { statusOf } from '#shared/kernel/http/errors.ts';
import { isTransient, problemReply, toAppError } from '#shared/kernel/http/problem.ts';
import { languageOf } from '#shared/kernel/i18n/messages.ts';

describe('which failures are worth a retry', () => {
  test.each([
    { name: 'ProvisionedThroughputExceededException' },
    { name: 'ThrottlingException' },
    { name: 'TimeoutError' },
    { name: 'SlowDown' },
    { code: 'ECONNRESET' },
    { $metadata: { httpStatusCode: 503 } },
    { $retryable: { throttling: true } },
  ])('%p is transient (503)', (error) => {
    expect(isTransient(error)).toBe(true);
    expect(toAppError(Object.assign(new Error('x'), error))).toBeInstanceOf(ServiceUnavailable);
  });

  test.each([
    { name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } },
    { name: 'ValidationException', $metadata: { httpStatusCode: 400 } },
    new TypeError('boom'),
    'a string',
    null,
  ])('%p is not transient (500)', (error) => {
    expect(isTransient(error)).toBe(false);
    expect(statusOf(toAppError(error))).toBe(500);
  });
});

describe('problem documents', () => {
  test('speak the caller language and never the error message', () => {
    const error = toAppError(new Error('secret internal detail'));
    const reply = problemReply(error, 'en', 'req-1');
    expect(reply.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(reply.body as string)).toEqual({
      type: 'https://siap-pilkades.go.id/problems/internal',
      title: 'Something went wrong on our side',
      status: 500,
      requestId: 'req-1',
    });
  });

  test('carry Retry-After for a 503 and the detail in Indonesian by default', () => {
    const reply = problemReply(new ServiceUnavailable(2), 'id');
    expect(reply.headers['retry-after']).toBe('2');
    expect(JSON.parse(reply.body as string).detail).toBe('Coba lagi dalam 2 detik.');
  });

  test('a 4xx has no request id', () => {
    const body = JSON.parse(problemReply(new NotFound(), 'id', 'req-2').body as string);
    expect(body).toEqual({
      type: 'https://siap-pilkades.go.id/problems/not-found',
      title: 'Data tidak ditemukan',
      status: 404,
    });
    expect(new AppError('internal', { title: 'problem.internal' }).message).toBe('problem.internal');
  });
});

describe('languageOf', () => {
  test.each([
    [undefined, 'id'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR, en;q=0.5', 'en'],
    ['ja', 'id'],
  ])('%p -> %s', (header, lang) => {
    expect(languageOf(header)).toBe(lang);
  });
});
