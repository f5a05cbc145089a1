import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { viewerFromRequest } from '../auth/request';
import type { Viewer } from '../auth/viewer';
import type { GraphStore } from '../store/port';
import { graphqlErrorBody } from './guards';
import type { SecurityOptions } from './limits';

/**
 * Requests per minute: a signed-in user counts as one client wherever they connect from, so fifty
 * colleagues behind one office address each get their own allowance; traffic without a valid
 * session (no token, or an unknown, expired or disabled one) counts per client address. Refusals
 * are answered in the GraphQL response shape with 429 and Retry-After.
 *
 * Each call makes a limiter with counts of its own: a route that should share a budget with
 * another must share the handler.
 */

export type RequestRateLimits = Pick<SecurityOptions, 'rateLimitPerMinute' | 'rateLimitPerUserPerMinute'>;

/**
 * The viewer, for counting only. A store that cannot answer leaves the request anonymous here;
 * the route itself then meets the same failure and answers it in its own way.
 */
async function countedViewer(store: GraphStore, req: Request): Promise<Viewer | null> {
  try {
    return await viewerFromRequest(store, req);
  } catch {
    return null;
  }
}

export function requestRateLimit(store: GraphStore, limits: RequestRateLimits): RequestHandler {
  const { rateLimitPerMinute, rateLimitPerUserPerMinute } = limits;
  return rateLimit({
    windowMs: 60_000,
    limit: async (req) => ((await countedViewer(store, req)) ? rateLimitPerUserPerMinute : rateLimitPerMinute),
    keyGenerator: async (req) => {
      const viewer = await countedViewer(store, req);
      // IPv6 clients count per /56, express-rate-limit's default, as before users were told apart.
      return viewer ? `user:${viewer.userId}` : `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: async (req, res) => {
      const signedIn = (await countedViewer(store, req)) !== null;
      const message = signedIn
        ? `Too many requests: at most ${rateLimitPerUserPerMinute} per minute per signed-in user. Try again later.`
        : `Too many requests: at most ${rateLimitPerMinute} per minute from one address without signing in. Try again later.`;
      res
        .status(429)
        .type('application/json')
        .json(graphqlErrorBody(message, { code: 'RATE_LIMITED', retryAfterSeconds: Number(res.getHeader('Retry-After')) || 60 }));
    },
  });
}
