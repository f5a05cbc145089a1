import type { Query } from '../port';
import { singleSourcePairs, yearTradeEdges } from './risk';

/** Examples of the risk queries, for catalogueExamples() (kept apart to spare merges). */
export function riskExamples(): Query[] {
  return [yearTradeEdges(2024), singleSourcePairs({ year: 2024 }), singleSourcePairs({ year: 2024, districtCode: '500117' })];
}
