/**
 * Matching firms by a list of ids through the primary-key index. `WHERE f.id IN $ids` is no lookup
 * on the embedded engine: it scans the label and tests every row against the whole list, which
 * cost 270 ms for a thousand ids on the 10k-firm benchmark and grows with rows times ids. An UNWIND
 * of the ids into a property match becomes an index lookup per id on both engines.
 *
 * The looked-up node must start the pattern of the same MATCH clause: the embedded engine (0.19.1)
 * answers wrong properties for it when a second MATCH clause continues from it (every row then
 * shows the first id's firm), so `UNWIND … MATCH (f {id: …}) MATCH (f)-[…]` is not an option.
 */
export function unwindIds(alias: string, param: string): string {
  return `UNWIND $${param} AS ${alias}Id`;
}

/** The node pattern of a firm looked up by the id `unwindIds` bound for the same alias. */
export function firmById(alias: string): string {
  return `(${alias}:Firm {id: ${alias}Id})`;
}

/** The ids without repeats: UNWIND, unlike IN, would return a firm once per repeat. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
