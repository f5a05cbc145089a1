import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { createYoga } from 'graphql-yoga';
import { DEFAULT_LOGISTICS, type LogisticsCosts } from '../analysis/logistics';
import { sessionCookie, viewerFromRequest } from '../auth/request';
import { installSignInThrottle, type ThrottleOverrides } from '../auth/sign-in-throttle';
import { createContext, type GraphContext } from '../graphql/context';
import { preferredLang } from './lang';
import { buildSchema } from '../graphql';
import type { GraphStore } from '../store/port';
import { finalErrorHandler, graphqlBodyErrors, graphqlBodyLimit, securityHeaders } from './guards';
import { requestRateLimit } from './rate-limit';
import { hardenedYogaOptions } from './hardening';
import { targetsExport } from './targets-export';
import { defaultSecurity, type SecurityOptions } from './limits';
import { importRoutes } from './import-routes';
import { restCsrf } from './rest-csrf';
import { asksForMutation } from './write-priority';
import { withWritePriority } from '../store/read-priority';
import { defaultImportOptions, type ImportOptions } from '../import/options';

export interface AppOptions {
  store: GraphStore;
  /** GraphiQL is served in development only. */
  development: boolean;
  /** The built web app; defaults to web/dist in this workspace. */
  webDir?: string;
  /** Body size, rate limit and proxy trust; config.ts reads them from the environment. */
  security?: Partial<SecurityOptions>;
  /** Freight assumptions for the logistics saving estimate. */
  logistics?: LogisticsCosts;
  /** Batch size and upload limit of /api/import. */
  imports?: Partial<ImportOptions>;
  /** The sign-in delays' numbers; tests make them small. */
  signInThrottle?: ThrottleOverrides;
}

const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Builds the express app without listening, so tests run it in-process. */
export function createApp({
  store,
  development,
  webDir = defaultWebDir,
  security: overrides,
  logistics = DEFAULT_LOGISTICS,
  imports,
  signInThrottle,
}: AppOptions): Express {
  const security: SecurityOptions = { ...defaultSecurity, ...overrides };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', security.trustProxy);
  installSignInThrottle(store, signInThrottle);
  app.use(securityHeaders({ development }));

  const yoga = createYoga<{ req: express.Request; res: express.Response }, GraphContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    ...hardenedYogaOptions({ development }),
    context: async ({ req, res }) =>
      createContext(store, {
        viewer: await viewerFromRequest(store, req),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        sessionCookie: sessionCookie(res, req.secure),
        lang: preferredLang(req.headers['accept-language']),
      }, logistics),
    logging: development ? 'info' : 'warn',
  });

  app.get('/healthz', async (_req, res) => {
    const answers = await store.ping();
    res.status(answers ? 200 : 503).json({ status: answers ? 'ok' : 'unavailable', store: store.kind, answers });
  });

  // Every state-changing /api request needs the CSRF header or this site's Origin (rest-csrf.ts).
  app.use('/api', restCsrf());

  // Building a workbook costs more than most queries: the same limits as /graphql.
  app.get('/api/targets/export', requestRateLimit(store, security), targetsExport(store));

  app.use(
    yoga.graphqlEndpoint,
    requestRateLimit(store, security),
    graphqlBodyLimit(security),
    (req: express.Request, res: express.Response) =>
      void (asksForMutation(req) ? withWritePriority(() => yoga.requestListener(req, res)) : yoga.requestListener(req, res)),
    graphqlBodyErrors(security),
  );

  app.use(importRoutes(store, { ...defaultImportOptions, ...imports }));

  if (existsSync(path.join(webDir, 'index.html'))) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes: any other GET that wants HTML gets the app shell.
    app.get(/^\/(?!graphql|healthz|api\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(path.join(webDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('Yulian API is running at /graphql. The web app is not built: run `pnpm --filter @yulian/web build`.');
    });
  }
  app.use(finalErrorHandler);
  return app;
}
