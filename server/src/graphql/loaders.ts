import DataLoader from 'dataloader';
import { findSuppliersMany, type SupplierSearch } from '../analysis/supply-service';
import type { SupplierCandidate } from '../analysis/types';
import type { GraphStore, Row } from '../store/port';
import {
  capabilitiesOfFirms,
  districtsByCodes,
  districtsOfFirms,
  firmsByIds,
  listFeeds,
  listSegments,
  needsOfFirms,
  ordersByIds,
  supportsOfFirms,
  tradeLinksOfFirms,
  usersByIds,
  type CapabilityRow,
  type DistrictRow,
  type FeedRow,
  type FirmRow,
  type NeedRow,
  type OrderRow,
  type OrderScope,
  type PublicUserRow,
  type SegmentRow,
  type SupportRow,
  type TradeLinkRow,
} from '../store/queries';

/**
 * Per-request batching: a page of 100 firms asks for their districts, capabilities or trade links
 * in one store query each, not one per firm.
 */
export interface Loaders {
  firm: DataLoader<string, FirmRow | null>;
  user: DataLoader<string, PublicUserRow | null>;
  district: DataLoader<string, DistrictRow | null>;
  districtOfFirm: DataLoader<string, DistrictRow | null>;
  capabilities: DataLoader<string, CapabilityRow[]>;
  needs: DataLoader<string, NeedRow[]>;
  supports: DataLoader<string, SupportRow[]>;
  order: DataLoader<string, OrderRow | null>;
  tradeLinks(side: 'buyer' | 'supplier', scope: OrderScope): DataLoader<string, TradeLinkRow[]>;
  segments(): Promise<SegmentCatalogue>;
  /** Supplier searches of one request (a disruption's alternatives), answered together. */
  supplierSearch: DataLoader<SupplierSearch, SupplierCandidate[], string>;
}

export interface SegmentCatalogue {
  byCode: Map<string, SegmentRow>;
  all: SegmentRow[];
  feeds: FeedRow[];
}

function byKey<R extends Row>(keys: readonly string[], rows: R[], key: (row: R) => string): (R | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<R extends Row>(keys: readonly string[], rows: R[], key: (row: R) => string): R[][] {
  const groups = new Map<string, R[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

export function createLoaders(store: GraphStore): Loaders {
  const tradeLoaders = new Map<string, DataLoader<string, TradeLinkRow[]>>();
  let segments: Promise<SegmentCatalogue> | undefined;

  return {
    firm: new DataLoader(async (ids) => byKey(ids, await store.read(firmsByIds(ids)), (r) => r.id)),
    user: new DataLoader(async (ids) => byKey(ids, await store.read(usersByIds(ids)), (r) => r.id)),
    district: new DataLoader(async (codes) => byKey(codes, await store.read(districtsByCodes(codes)), (r) => r.code)),
    districtOfFirm: new DataLoader(async (ids) =>
      byKey(ids, await store.read(districtsOfFirms(ids)), (r) => r.firmId),
    ),
    capabilities: new DataLoader(async (ids) =>
      groupByKey(ids, await store.read(capabilitiesOfFirms(ids)), (r) => r.firmId),
    ),
    needs: new DataLoader(async (ids) => groupByKey(ids, await store.read(needsOfFirms(ids)), (r) => r.firmId)),
    supports: new DataLoader(async (ids) => {
      const rows = await store.read(supportsOfFirms(ids));
      return ids.map((id) => rows.filter((r) => r.fromId === id || r.toId === id));
    }),
    order: new DataLoader(async (ids) => byKey(ids, await store.read(ordersByIds(ids)), (r) => r.id)),
    tradeLinks(side, scope) {
      const cacheKey = `${side}|${scope.year ?? ''}|${scope.kind ?? ''}`;
      let loader = tradeLoaders.get(cacheKey);
      if (!loader) {
        loader = new DataLoader(async (ids) =>
          groupByKey(ids, await store.read(tradeLinksOfFirms(ids, side, scope)), (r) =>
            side === 'buyer' ? r.buyerId : r.supplierId,
          ),
        );
        tradeLoaders.set(cacheKey, loader);
      }
      return loader;
    },
    supplierSearch: new DataLoader((searches) => findSuppliersMany(store, searches), {
      cacheKeyFn: (search) => JSON.stringify(search),
    }),
    segments() {
      segments ??= Promise.all([store.read(listSegments()), store.read(listFeeds())]).then(([all, feeds]) => ({
        all,
        feeds,
        byCode: new Map(all.map((s) => [s.code, s])),
      }));
      return segments;
    },
  };
}
