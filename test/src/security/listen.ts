import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '@yulian/server';

type AppOptions = Parameters<typeof createApp>[0];

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** The real app over a store the test prepared itself (startTestServer always brings its own). */
export async function listen(options: AppOptions): Promise<Listening> {
  const server = await new Promise<Server>((resolve) => {
    const s = createApp(options).listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON POST as an API client sends it: not a "simple" request, so no CSRF header is needed. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** What no answer may contain: a stack frame, a source path, Cypher or an engine's own words. */
export const INTERNALS =
  /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules|\/work\/|\bMATCH\b|\bRETURN\b|\bUNWIND\b|Parser exception|Binder exception|StoreError|"stack"/;
