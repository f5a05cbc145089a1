import type { GraphStore } from '../store/port';
import { allFirmLocations, firmLocations, type FirmLocationRow } from '../store/queries';
import { storeFact } from './store-facts';

/**
 * Where firms are (district, inside the region, coordinates). Where the store's state can be kept
 * (store-facts.ts), every firm is read once per state: looking up a few dozen suppliers by id costs
 * the embedded engine as much as reading them all, since it joins through every firm's district.
 */
export async function locateFirms(store: GraphStore, ids: Iterable<string>): Promise<Map<string, FirmLocationRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  if (store.committedWrites === undefined) return new Map((await store.read(firmLocations(wanted))).map((l) => [l.firmId, l]));
  const directory = await storeFact(store, 'firmDirectory', async () => new Map((await store.read(allFirmLocations())).map((l) => [l.firmId, l])));
  const found = new Map<string, FirmLocationRow>();
  for (const id of wanted) {
    const location = directory.get(id);
    if (location) found.set(id, location);
  }
  return found;
}
