import type { Request, RequestHandler } from 'express';
import { CSRF_HEADER } from './hardening';
import { refuseImport } from './import-answer';
import { preferredLang } from './lang';

/**
 * CSRF prevention for the REST routes, as /graphql has it: a request that changes something (any
 * method but GET, HEAD and OPTIONS) must carry the `x-graphql-yoga-csrf` header, which a browser
 * cannot add to a cross-site form post without a preflight this server never grants, or come
 * with an `Origin` equal to the server's own. A multipart upload is a "simple" request a hostile
 * page can send with the visitor's session cookie; without this check it would be carried out.
 *
 * The server's origin is the request's scheme and host as express sees them: behind a proxy
 * trusted through YULIAN_TRUST_PROXY those come from X-Forwarded-Proto and X-Forwarded-Host,
 * otherwise from the connection and the Host header, which a page on another site cannot set.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const TEXT = {
  zh: `跨站请求被拒绝：请求须带 ${CSRF_HEADER} 请求头，或来自本站页面`,
  en: `cross-site request refused: send the header ${CSRF_HEADER} (any value), or post from this site's own pages`,
} as const;

function ownOrigin(req: Request): string | null {
  try {
    return new URL(`${req.protocol}://${req.host}`).origin;
  } catch {
    return null;
  }
}

function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).origin === ownOrigin(req);
  } catch {
    return false;
  }
}

export function restCsrf(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get(CSRF_HEADER) !== undefined || sameOrigin(req)) return next();
    refuseImport(res, 403, TEXT[preferredLang(req.headers['accept-language'])], { code: 'CSRF_REFUSED' });
  };
}
