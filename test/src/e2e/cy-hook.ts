/**
 * The part of the map's cytoscape instance the browser tests read through `window.__yulianCy`
 * (exposed by web/src/graph/ClusterGraph.tsx once `localStorage['yulian.debug']` is '1'). Declared
 * here structurally: the test package does not depend on cytoscape.
 */

interface CyElement {
  id(): string;
  data(key: string): unknown;
  style(property: string): unknown;
  visible(): boolean;
  hasClass(name: string): boolean;
  emit(event: string): unknown;
  renderedPosition(): { x: number; y: number };
  renderedWidth(): number;
  parent(): CyCollection;
}

interface CyCollection {
  map<T>(fn: (element: CyElement) => T): T[];
  first(): CyElement;
}

export interface CyHook {
  nodes(selector?: string): CyCollection;
  edges(selector?: string): CyCollection;
  getElementById(id: string): CyElement;
}

declare global {
  interface Window {
    __yulianCy?: CyHook | null;
  }
}
