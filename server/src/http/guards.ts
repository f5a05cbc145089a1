import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { SecurityOptions } from './limits';

/**
 * The express side of the hardened endpoint: security headers for every response, and in front of
 * /graphql a body size limit (the rate limit is in rate-limit.ts). Refusals are answered in the
 * GraphQL response shape, so a client reads every failure the same way.
 */

export function graphqlErrorBody(message: string, extensions: Record<string, unknown>) {
  return { errors: [{ message, extensions }] };
}

function refuse(res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res.status(status).type('application/json').json(graphqlErrorBody(message, extensions));
}

/**
 * Production: only this origin's scripts, styles, images, and API. cytoscape injects one <style>
 * element for its container, so styles also allow inline; React's style props are set through the
 * CSSOM, which CSP does not govern. The favicon is a data: URL.
 * Development adds what yoga's GraphiQL page needs: an inline bootstrap script, its bundle, styles
 * and editor workers from unpkg (fetched and started as blob: workers), and its favicon.
 */
function contentSecurityPolicy(development: boolean) {
  const cdn = development ? ['https://unpkg.com'] : [];
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'", ...cdn],
      fontSrc: ["'self'", 'data:', ...cdn],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", 'data:', ...(development ? ['https://raw.githubusercontent.com'] : [])],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'", ...(development ? ["'unsafe-inline'", ...cdn] : [])],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'", ...cdn],
      workerSrc: ["'self'", ...(development ? ['blob:'] : [])],
      // No upgrade-insecure-requests: the product is often reached over plain HTTP on a LAN, where
      // upgrading its own asset URLs to https would break the page.
    },
  };
}

export function securityHeaders({ development }: { development: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: contentSecurityPolicy(development),
    xFrameOptions: { action: 'deny' },
    // Over plain HTTP on localhost it is ignored anyway; in development it would only get in the way.
    strictTransportSecurity: development ? false : { maxAge: 31_536_000, includeSubDomains: false },
  });
}

/**
 * Reads the whole body, up to the limit, before yoga sees it: a Content-Length over the limit is
 * refused before a byte is read, and a chunked body is cut off at the limit. Yoga takes the buffer
 * as the request body. Compressed bodies are refused (415): the limit must count what is parsed.
 */
export function graphqlBodyLimit({ bodyLimitBytes }: Pick<SecurityOptions, 'bodyLimitBytes'>): RequestHandler {
  return express.raw({ type: () => true, limit: bodyLimitBytes, inflate: false });
}

interface HttpError {
  status?: number;
  type?: string;
}

function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number';
}

/** Answers body-reading failures on /graphql as GraphQL responses. */
export function graphqlBodyErrors({ bodyLimitBytes }: Pick<SecurityOptions, 'bodyLimitBytes'>): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent || !isHttpError(error)) return next(error);
    if (error.type === 'entity.too.large') {
      return refuse(res, 413, `The request body is larger than the limit of ${bodyLimitBytes} bytes.`, {
        code: 'PAYLOAD_TOO_LARGE',
        limit: bodyLimitBytes,
      });
    }
    if (error.type === 'encoding.unsupported') {
      return refuse(res, 415, 'Compressed request bodies are not accepted.', { code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    return refuse(res, error.status ?? 400, 'The request body could not be read.', { code: 'BAD_REQUEST' });
  };
}

/**
 * The last handler: express's own would answer with an HTML page that shows the stack trace
 * whenever NODE_ENV is not "production".
 */
export const finalErrorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = isHttpError(error) && error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error(`${req.method} ${req.path} failed:`, error);
  refuse(res, status, status === 500 ? 'Unexpected error.' : 'Bad request.', {
    code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
  });
};
