import type { GraphStore } from '@yulian/server';
import { locateFirms } from '../../../server/src/analysis/firm-directory';
import { leaderReferences, settleReferences } from '../../../server/src/analysis/leader-references';
import { candidateFactsOf } from '../../../server/src/analysis/supplier-facts';
import { findSuppliersMany, type SupplierSearch } from '../../../server/src/analysis/supply-service';

/**
 * Everything the supplier search answers and keeps, for every segment, year and a few buyers: what
 * a store whose facts caught up must share with a freshly loaded one.
 */
export interface SupplierScope {
  firmIds: readonly string[];
  /** Every segment, parents included (a parent's makers are its descendants'). */
  segments: readonly string[];
  /** Searched near these firms as well as with no buyer. */
  buyers: readonly string[];
  years: readonly (number | null)[];
}

export async function supplierSnapshot(store: GraphStore, scope: SupplierScope) {
  const searches: SupplierSearch[] = scope.segments.flatMap((segmentCode) =>
    scope.years.flatMap((year) => [null, ...scope.buyers].map((nearFirmId) => ({ segmentCode, nearFirmId, year, first: 10_000, lang: 'en' as const }))),
  );
  const results = await findSuppliersMany(store, searches);
  const answers = searches.map((search, i) => ({ search: `${search.segmentCode} ${search.year ?? 'all'} near ${search.nearFirmId ?? '-'}`, candidates: results[i] }));
  const locations = [...(await locateFirms(store, scope.firmIds))].sort(byKey);
  const perYear = await Promise.all(
    scope.years.map(async (year) => {
      const candidates = [...(await candidateFactsOf(store, scope.segments, year))]
        .map(([segment, facts]) => [segment, [...facts].sort((a, b) => `${a.firmId}|${a.segmentCode}`.localeCompare(`${b.firmId}|${b.segmentCode}`))] as const)
        .sort(byKey);
      // Last: the counts a search did not need are settled here, so the searches above saw them as kept.
      const kept = await leaderReferences(store, year);
      await settleReferences(store, year, kept, [...kept.unsure.keys()]);
      const references = [...kept.counts].sort(byKey);
      return { year, references, candidates };
    }),
  );
  return { answers, locations, perYear };
}

function byKey<T extends readonly [string, unknown]>(a: T, b: T): number {
  return a[0].localeCompare(b[0]);
}
