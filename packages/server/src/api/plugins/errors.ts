import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Problem } from '../../services/problem.js';
import type { ApiApp } from '../context.js';
import { problemBody } from '../problemSchema.js';
import { refusalAlreadyAudited } from './requestAudit.js';

// Fastify's own error codes, mapped to stable Centinela codes.
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid_content_length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_json_body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed_json' },
  FST_ERR_BAD_URL: { status: 400, code: 'request.bad_url' },
};

export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return reply.code(status).type('application/problem+json').send(problemBody(status, code, detail, extra));
}

export function registerErrorHandling(app: ApiApp): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof Problem) {
      if (error.auditRecorded) refusalAlreadyAudited(request);
      return sendProblem(reply, error.status, error.code, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message ?? 'invalid',
      }));
      return sendProblem(reply, 400, 'validation.failed', 'the request does not match the expected shape', { errors });
    }
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendProblem(reply, 400, 'request.malformed_json', 'the request body is not valid JSON');
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(reply, known.status, known.code, error.message);
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message, url: error.url } }, 'response did not match its schema');
      return sendProblem(reply, 500, 'internal', 'an unexpected error occurred');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, 'request.invalid', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal', 'an unexpected error occurred');
  });
}
