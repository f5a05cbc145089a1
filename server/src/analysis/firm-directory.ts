import type { GraphStore } from '../store/port';
import { allFirmLocations, firmLocations, locationOfFirm, type FirmLocationRow } from '../store/queries';
import { storeFact, type CatchUpRound } from './store-facts';

/**
 * Where firms are (district, inside the region, coordinates). Where the store's state can be kept
 * (store-facts.ts), every firm is read once and the firms a write touches are read again: looking
 * up a few dozen suppliers by id costs the embedded engine as much as reading them all, since it
 * joins through every firm's district.
 */
export async function locateFirms(store: GraphStore, ids: Iterable<string>): Promise<Map<string, FirmLocationRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  if (store.committedWrites === undefined) return new Map((await store.read(firmLocations(wanted))).map((l) => [l.firmId, l]));
  const directory = await storeFact(store, 'firmDirectory', async () => new Map((await store.read(allFirmLocations())).map((l) => [l.firmId, l])), {
    dependsOn: ['Firm'],
    catchUp: (kept, round) => catchUpDirectory(store, kept, round),
  });
  const found = new Map<string, FirmLocationRow>();
  for (const id of wanted) {
    const location = directory.get(id);
    if (location) found.set(id, location);
  }
  return found;
}

/** One firm's location as read now, shared by every fact catching up in the round. */
export async function locationNow(store: GraphStore, round: CatchUpRound, firmId: string): Promise<FirmLocationRow | null> {
  const [row] = await round.shared(`location:${firmId}`, () => store.read(locationOfFirm(firmId)));
  return row ?? null;
}

async function catchUpDirectory(store: GraphStore, kept: Map<string, FirmLocationRow>, round: CatchUpRound): Promise<Map<string, FirmLocationRow>> {
  const firms = [...round.changes.firmsOf(['Firm'])];
  const now = await Promise.all(firms.map((id) => locationNow(store, round, id)));
  // In place, once every read is done: the directory has an entry per firm, too many to copy per write.
  firms.forEach((id, i) => {
    const location = now[i];
    if (location) kept.set(id, location);
    else kept.delete(id);
  });
  return kept;
}
