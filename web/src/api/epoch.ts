import { createContext, useContext } from 'react';

/**
 * Changes when what the viewer may see changes (sign-in, sign-out). Every `useQuery` runs again
 * and drops answers of an earlier epoch, so a signed-out page keeps no amount it showed before.
 * Whoever owns the session provides it; the query layer does not need to know about accounts.
 */
export const QueryEpochContext = createContext(0);

export function useQueryEpoch(): number {
  return useContext(QueryEpochContext);
}
