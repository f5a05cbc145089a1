import type { AuditEntry } from './audit';

/**
 * Which districts an audit event concerns, as things stood at the change: the event is read by
 * those districts' bureaus (policy.auditDistrictsOf) and by admins. Recorded on the event when it
 * is written, so reading the log filters on the event alone, however long the log grows.
 *
 * - a firm: its district before and after (a firm moved between districts concerns both);
 * - its capabilities and needs: its district;
 * - an order, a support tie or an introduction: the districts of both firms, before and after;
 * - a target or a district's goal: its district;
 * - anything else (accounts, imports, and any kind added later): none, so admins only.
 */

/** Kinds whose before/after name their district themselves. */
const OWN_DISTRICT: Readonly<Record<string, readonly string[]>> = {
  Firm: ['districtCode'],
  Target: ['districtCode'],
  Goal: ['districtCode'],
};

/** Kinds whose before/after name firms; the firms' districts are theirs. */
const VIA_FIRMS: Readonly<Record<string, readonly string[]>> = {
  Capability: ['firmId'],
  Need: ['firmId'],
  Order: ['supplierId', 'buyerId'],
  Support: ['fromId', 'toId'],
  Introduction: ['buyerId', 'supplierId'],
};

/** The string values of `keys` in the entity before and after the change. */
function valuesOf(entry: AuditEntry, keys: readonly string[] | undefined): string[] {
  if (!keys) return [];
  const values: string[] = [];
  for (const side of [entry.before, entry.after]) {
    if (typeof side !== 'object' || side === null) continue;
    for (const key of keys) {
      const value = (side as Readonly<Record<string, unknown>>)[key];
      if (typeof value === 'string') values.push(value);
    }
  }
  return values;
}

/** The firms whose districts an entry's districts depend on (looked up once for a whole batch). */
export function firmsConcerned(entry: AuditEntry): string[] {
  return valuesOf(entry, VIA_FIRMS[entry.entityType]);
}

/** The entry's districts, sorted, given the districts of the firms it names (firmsConcerned). */
export function districtsConcerned(entry: AuditEntry, districtOfFirm: (firmId: string) => string | undefined): string[] {
  const districts = new Set(valuesOf(entry, OWN_DISTRICT[entry.entityType]));
  for (const firmId of firmsConcerned(entry)) {
    const district = districtOfFirm(firmId);
    if (district) districts.add(district);
  }
  return [...districts].sort();
}
