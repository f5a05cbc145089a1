import type { Query } from '../port';
import { buildAllTradeLinks, buildTradeLinksOfSupplier, deleteAllTradeLinks, deleteTradeLinksOfSupplier, tradeLinkPresence } from './trade-links';

/** Examples of the trade-link upkeep queries, for catalogueExamples(). */
export function tradeLinkExamples(): Query[] {
  return [
    deleteTradeLinksOfSupplier('aofang'),
    buildTradeLinksOfSupplier('aofang'),
    deleteAllTradeLinks(),
    buildAllTradeLinks(),
    tradeLinkPresence(),
  ];
}
