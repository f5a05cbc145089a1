import type { Request, Response } from 'express';
import type { GraphStore } from '../store/port';
import { SESSION_TTL_MS, viewerForToken } from './sessions';
import type { Viewer } from './viewer';

export const SESSION_COOKIE = 'yulian_session';

/** API clients send `Authorization: Bearer <token>`; the web app's session rides in an httpOnly cookie. */
export function tokenFromRequest(req: Request): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookies = req.headers.cookie;
  if (!cookies) return null;
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        // A cookie we did not write (malformed escapes): the request is simply anonymous.
        return null;
      }
    }
  }
  return null;
}

/** The viewer of each request, looked up once: the rate limit and the API both ask for it. */
const viewers = new WeakMap<Request, Promise<Viewer | null>>();

export function viewerFromRequest(store: GraphStore, req: Request): Promise<Viewer | null> {
  let viewer = viewers.get(req);
  if (!viewer) {
    const token = tokenFromRequest(req);
    viewer = token ? viewerForToken(store, token) : Promise.resolve(null);
    viewers.set(req, viewer);
  }
  return viewer;
}

/** What resolvers may do to the response's session cookie. */
export interface SessionCookie {
  set(token: string): void;
  clear(): void;
}

export function sessionCookie(res: Response, secure: boolean): SessionCookie {
  const options = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
  return {
    set: (token) => res.cookie(SESSION_COOKIE, token, { ...options, maxAge: SESSION_TTL_MS }),
    clear: () => res.clearCookie(SESSION_COOKIE, options),
  };
}
