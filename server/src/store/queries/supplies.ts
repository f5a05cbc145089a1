/**
 * What "supplies" means everywhere in Yulian: a firm supplies a buyer (in a year and segment) while
 * at least one of its orders to that buyer is not cancelled. A link whose orders were all cancelled
 * is history, not supply: its firm is a candidate for that buyer again and no chain-leader
 * reference, and it adds nothing to a flow, a rate or a dependence.
 */
export function supplies(link: { liveOrders: number }): boolean {
  return link.liveOrders > 0;
}

/** The same rule as a Cypher predicate on a TRADED relationship (`t`). */
export function suppliesCypher(t: string): string {
  return `${t}.liveOrders > 0`;
}
