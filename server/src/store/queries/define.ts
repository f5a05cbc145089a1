import type { Query, Row } from '../port';

const names = new Set<string>();

/**
 * Declares a catalogue query. Every name is registered so the Neo4j lint test and the store
 * contract suite can prove they cover the whole catalogue.
 */
export function defineQuery<Args extends unknown[], R extends Row>(
  name: string,
  build: (...args: Args) => Omit<Query<R>, 'name'>,
): (...args: Args) => Query<R> {
  if (names.has(name)) throw new Error(`query ${name} is defined twice`);
  names.add(name);
  return (...args: Args) => ({ name, ...build(...args) });
}

export function registeredQueryNames(): string[] {
  return [...names].sort();
}
