import { cursorToOffset, offsetToCursor } from '@pothos/plugin-relay';
import { paginationSchema } from '@yulian/schema';
import { badInput, parseInput } from './errors';

export const DEFAULT_PAGE_SIZE = 50;

export interface Page {
  offset: number;
  size: number;
}

/** Reads Relay `first`/`after` into an offset page; a cursor this API did not issue is bad input. */
export function pageFromArgs(args: { first?: number | null; after?: string | null }): Page {
  const { first, after } = parseInput(paginationSchema, { first: args.first, after: args.after }, 'pagination');
  let offset = 0;
  if (after) {
    try {
      offset = cursorToOffset(after) + 1;
    } catch {
      throw badInput('after', 'is not a cursor this API issued');
    }
    if (!Number.isInteger(offset) || offset < 1) throw badInput('after', 'is not a cursor this API issued');
  }
  return { offset, size: first ?? DEFAULT_PAGE_SIZE };
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Builds a connection from one page of nodes fetched with `limit = size + 1` to learn whether more follow. */
export function toConnection<T>(page: Page, rows: T[], totalCount: number): Connection<T> {
  const nodes = rows.slice(0, page.size);
  const edges = nodes.map((node, i) => ({ cursor: offsetToCursor(page.offset + i), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.size,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
