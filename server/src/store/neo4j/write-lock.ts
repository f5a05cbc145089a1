/**
 * Neo4j runs transactions at read-committed isolation and locks only what a statement writes, so a
 * write that first reads and then decides (a trade link summed from the orders, a target moved from
 * the stage it was read in, a counter read then set) could interleave with another and both would
 * commit on stale reads. The embedded store has one writer, so the command layer was written for
 * one; on Neo4j every write transaction takes the same exclusive lock first, before it reads, which
 * gives the same order across every Yulian server on one database. Writes here are a bureau's data
 * entry, not a firehose: serial writes cost nothing a user would notice.
 */

export const WRITE_LOCK_LABEL = 'YulianWriteLock';

/** One lock node, unique so that two first writers cannot each create their own. */
export const writeLockConstraint = `CREATE CONSTRAINT yulian_write_lock_id IF NOT EXISTS FOR (l:${WRITE_LOCK_LABEL}) REQUIRE l.id IS UNIQUE`;

/** Setting a property takes the node's exclusive lock until the transaction ends. */
export const takeWriteLock = `MERGE (l:${WRITE_LOCK_LABEL} {id: 'writes'}) SET l.takenAt = timestamp() RETURN 1 AS locked`;
