import type { Core, ElementDefinition } from 'cytoscape';

export interface SyncResult {
  added: number;
  removed: number;
  updated: number;
  /** True when elements were added, removed or re-parented, i.e. the layout should run again. */
  structureChanged: boolean;
}

/** Fields cytoscape fixes at creation; `data()` must not be asked to change them. */
const FIXED_KEYS = new Set(['id', 'source', 'target', 'parent']);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}

const classList = (classes: ElementDefinition['classes']): string =>
  (typeof classes === 'string' ? classes.split(/\s+/) : (classes ?? [])).filter(Boolean).join(' ');

const idOf = (element: ElementDefinition): string => {
  const id = element.data.id;
  if (id === undefined) throw new Error('cluster elements need ids');
  return id;
};

/**
 * Makes the graph in `cy` hold exactly `elements`, in one batch. Elements are matched by id, so a
 * firm that stays keeps its position and selection; new ones are added, gone ones removed, and
 * changed data or classes (labels after a language switch, amounts after a new year) are updated in
 * place. `elements` must list parent nodes before their children (the model does).
 */
export function syncElements(cy: Core, elements: readonly ElementDefinition[]): SyncResult {
  if (cy.elements().empty()) return fillEmpty(cy, elements);
  const wanted = new Set(elements.map(idOf));
  const result: SyncResult = { added: 0, removed: 0, updated: 0, structureChanged: false };

  cy.batch(() => {
    const fresh = elements.filter((element) => cy.getElementById(idOf(element)).empty());
    const freshIds = new Set(fresh.map(idOf));

    // 1. New nodes first (parents precede children), so that moved nodes find their new parent.
    cy.add(fresh.filter((element) => element.group === 'nodes'));

    // 2. Existing nodes whose parent changed move before stale parents go (removal takes children along).
    for (const element of elements) {
      const id = idOf(element);
      if (element.group !== 'nodes' || freshIds.has(id)) continue;
      const node = cy.getElementById(id);
      const parent = typeof element.data.parent === 'string' ? element.data.parent : null;
      const current = node.parent().nonempty() ? node.parent().first().id() : null;
      if (current !== parent) {
        node.move({ parent });
        result.updated += 1;
        result.structureChanged = true;
      }
    }

    // 3. Stale elements go, then new edges come (their ends exist by now).
    const stale = cy.elements().filter((element) => !wanted.has(element.id()));
    result.removed = stale.length;
    cy.remove(stale);
    cy.add(fresh.filter((element) => element.group !== 'nodes'));
    result.added = fresh.length;

    // 4. Data and classes of the elements that stayed.
    for (const element of elements) {
      const id = idOf(element);
      if (freshIds.has(id)) continue;
      const existing = cy.getElementById(id);
      const patch: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(element.data)) {
        if (!FIXED_KEYS.has(key) && !sameValue(existing.data(key), value)) patch[key] = value;
      }
      const classes = classList(element.classes);
      const classesChanged = existing.classes().join(' ') !== classes;
      if (Object.keys(patch).length > 0) existing.data(patch);
      if (classesChanged) existing.classes(classes);
      if (Object.keys(patch).length > 0 || classesChanged) result.updated += 1;
    }
  });

  result.structureChanged ||= result.added > 0 || result.removed > 0;
  return result;
}

/**
 * Into an empty graph everything is new: nodes are added, then edges (whose ends exist by then),
 * without looking each id up first: at thousands of firms those lookups, each building an empty
 * collection, cost more than the adding.
 */
function fillEmpty(cy: Core, elements: readonly ElementDefinition[]): SyncResult {
  cy.batch(() => {
    cy.add(elements.filter((element) => element.group === 'nodes'));
    cy.add(elements.filter((element) => element.group !== 'nodes'));
  });
  return { added: elements.length, removed: 0, updated: 0, structureChanged: elements.length > 0 };
}
