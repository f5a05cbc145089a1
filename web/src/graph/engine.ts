import cytoscape from 'cytoscape';
import type { Core, EventObject, Layouts, NodeSingular, Position } from 'cytoscape';
import { perfMark } from '../lib/perfMark';
import { DetailOnDemand } from './detail';
import { clusterLayout, frameFirst, loadClusterLayout, placeAt } from './layout';
import type { LayoutMode } from './layout';
import { BIG_GRAPH } from './model';
import type { ClusterElement, FirmNodeData, FlowEdgeData, SupportEdgeData } from './model';
import { stylesheetFor } from './stylesheet';
import { syncElements } from './sync';
import { hardwareWebgl2 } from './webgl';

/**
 * The cytoscape side of the cluster map, outside React: one instance per map, element updates in
 * one batch, layouts, selection, hover, neighbourhood focus, highlight and PNG export. React's
 * `ClusterGraph` creates one `ClusterMap` on mount, feeds it elements and destroys it on unmount.
 *
 * Big graphs (from BIG_GRAPH elements): edges are hidden and the picture is a texture while the
 * viewport moves, firms' names and links' curves and arrowheads are styled only where zoomed in
 * (detail.ts), and WebGL draws when the browser offers WebGL 2 on a GPU. Those are fixed when
 * cytoscape starts, so the instance is rebuilt once when a graph crosses that size.
 *
 * A new instance gets its elements only after it has drawn one empty frame. cytoscape builds its
 * layered texture cache synchronously on its first frame, for every element then present, where the
 * picture is small enough to fit its layers (a district, the article's cluster); later it builds it
 * in idle time and draws from the per-element caches meanwhile. At 200 firms that first frame
 * costs about a fifth less when spent on an empty graph.
 */

export { BIG_GRAPH };
/** Beyond this many firms the grouped force layout is not run: the geographic picture stays. */
export const FCOSE_LIMIT = 1500;

export type HoverInfo =
  | { kind: 'firm'; data: FirmNodeData; x: number; y: number }
  | { kind: 'link'; data: FlowEdgeData | SupportEdgeData; x: number; y: number };

export interface ClusterMapEvents {
  onSelect(firmId: string | null): void;
  onHover(info: HoverInfo | null): void;
  /** Layout state, also mirrored on the container's `data-layout` for tests. */
  onLayout?(state: 'running' | 'done'): void;
  /** The first frame showing the map's data has been painted (once per map). */
  onFirstDraw?(): void;
}

/** A force layout under way: its code may still be loading, so `layout` is set once it runs. */
interface LayoutRun {
  layout: Layouts | null;
  stop(): void;
}

export class ClusterMap {
  private cy: Core | null = null;
  private big = false;
  private layout: LayoutRun | null = null;
  private mode: LayoutMode = 'fcose';
  private presets = new Map<string, Position>();
  /** The firms to frame first: all, or those of the region when all would be too small to see. */
  private regionPresets = new Map<string, Position>();
  /** A firm to bring into view once the running layout has placed it. */
  private centerWhenDone: string | null = null;
  /** False until the current instance has drawn its first (empty) frame; elements wait in `pending`. */
  private ready = false;
  private pending: readonly ClusterElement[] | null = null;
  /** Counts fills, so that links held back for a fill are dropped once a later fill has come. */
  private fills = 0;
  /** Kept so that an instance built anew, or filled later, shows the same selection and highlights. */
  private selectedFirmId: string | null = null;
  private highlighted: readonly string[] = [];
  private detail: DetailOnDemand | null = null;
  private readonly resize: ResizeObserver;
  /** True once the cytoscape renderer is WebGL (big graphs where supported). */
  webgl = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: ClusterMapEvents,
  ) {
    this.resize = new ResizeObserver(() => this.cy?.resize());
    this.resize.observe(container);
  }

  /** The live instance, for tests and benchmarks (exposed on window outside production builds). */
  get core(): Core | null {
    return this.cy;
  }

  private create(big: boolean): Core {
    this.teardown();
    this.big = big;
    this.webgl = big && hardwareWebgl2();
    const cy = cytoscape({
      container: this.container,
      style: stylesheetFor({ detailOnDemand: big }),
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      hideEdgesOnViewport: big,
      textureOnViewport: big && !this.webgl,
      webgl: this.webgl,
      pixelRatio: big ? 1 : 'auto',
    });
    this.container.dataset.renderer = this.webgl ? 'webgl' : 'canvas';
    cy.on('select', 'node.firm', (e: EventObject) => {
      this.dim((e.target as NodeSingular).closedNeighborhood());
      this.events.onSelect(String(e.target.data('firmId')));
    });
    cy.on('unselect', 'node.firm', () => {
      if (cy.$('node.firm:selected').empty()) {
        this.dim(null);
        this.events.onSelect(null);
      }
    });
    cy.on('dbltap', 'node.firm', (e: EventObject) => this.focus(String(e.target.data('firmId'))));
    cy.on('mouseover', 'node.firm, edge', (e: EventObject) => {
      const { x, y } = e.renderedPosition ?? { x: 0, y: 0 };
      const data = e.target.data() as FirmNodeData | FlowEdgeData | SupportEdgeData;
      this.events.onHover(data.kind === 'firm' ? { kind: 'firm', data, x, y } : { kind: 'link', data, x, y });
    });
    cy.on('mouseout', 'node.firm, edge', () => this.events.onHover(null));
    cy.on('viewport', () => this.events.onHover(null));
    this.detail = big ? new DetailOnDemand(cy) : null;
    this.cy = cy;
    this.ready = false;
    // cytoscape's render loop was started by the constructor, so this runs after its first frame.
    requestAnimationFrame(() => {
      if (this.cy !== cy) return;
      this.ready = true;
      const pending = this.pending;
      this.pending = null;
      if (pending) this.fill(pending);
    });
    perfMark('cy-created');
    return cy;
  }

  /** Makes the map hold exactly `elements`; lays it out again when its structure changed. */
  setElements(elements: readonly ClusterElement[]): void {
    if (!this.cy && elements.length === 0) {
      // Nothing to draw yet: the instance is made for the first data, in the mode its size needs.
      this.container.dataset.nodeCount = '0';
      this.container.dataset.edgeCount = '0';
      return;
    }
    const big = elements.length >= BIG_GRAPH;
    if (!this.cy || this.big !== big) this.create(big);
    if (this.ready) {
      this.fill(elements);
      return;
    }
    this.pending = elements;
    if (elements.length > 0) this.container.dataset.layout = 'running';
  }

  private fill(elements: readonly ClusterElement[]): void {
    const cy = this.cy;
    if (!cy) return;
    this.presets = new Map(elements.flatMap((e) => (e.position ? [[e.data.id, e.position] as const] : [])));
    this.regionPresets = new Map(elements.flatMap((e) => (e.position && e.data.kind === 'firm' && e.data.inRegion ? [[e.data.id, e.position] as const] : [])));
    const firstFill = cy.elements().empty();
    const fill = ++this.fills;
    // A big graph's first picture is its firms; its links follow in the next frame (see addLinksLater).
    const linksLater = firstFill && this.big ? elements.filter((e) => e.group === 'edges') : [];
    const { structureChanged } = syncElements(cy, linksLater.length > 0 ? elements.filter((e) => e.group === 'nodes') : elements);
    perfMark('elements-added');
    this.countElements();
    if (structureChanged) this.runLayout(firstFill);
    this.applySelection();
    this.applyHighlight();
    this.detail?.refresh();
    if (linksLater.length > 0) this.addLinksLater(cy, fill, linksLater);
  }

  private countElements(): void {
    this.container.dataset.nodeCount = String(this.cy?.nodes().length ?? 0);
    this.container.dataset.edgeCount = String(this.cy?.edges().length ?? 0);
  }

  /**
   * Adds a big graph's links once the frame showing its firms has been painted. Links cost cytoscape
   * about as much per element as firms do (styles, end points, strokes): at 2,000 firms their 700
   * links are a quarter of the first frame. Drawn a frame later, they come about 0.3 s after the
   * firms instead of holding all of the picture back by as much. Zoomed out that far they are hairlines
   * (no arrowheads, see detail.ts) over the firms; the firms are what a first look at the region is
   * for. Dropped if another fill (a new filter) has come meanwhile: it brings its own links.
   */
  private addLinksLater(cy: Core, fill: number, links: ClusterElement[]): void {
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.cy !== cy || this.fills !== fill) return;
        cy.batch(() => cy.add(links));
        this.countElements();
        this.detail?.refresh();
        // For benchmarks: when the frame with the links has been painted (see runLayout).
        requestAnimationFrame(() => setTimeout(() => perfMark('links-drawn'), 0));
      }, 0),
    );
  }

  setLayout(mode: LayoutMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.runLayout(false);
  }

  /**
   * The geographic picture first, at once (positions come with the elements, so the first paint
   * costs no layout); then, for graphs small enough, the grouped force layout refines it.
   */
  private runLayout(firstFill: boolean): void {
    const cy = this.cy;
    if (!cy) return;
    this.layout?.stop();
    cy.stop(true);
    this.container.dataset.layout = 'running';
    this.events.onLayout?.('running');
    const firms = cy.nodes('.firm').length;
    // Added elements arrive at their model positions; only a graph already drawn is moved back.
    if (firstFill) frameFirst(cy, this.presets, this.regionPresets);
    else placeAt(cy, this.presets, this.big ? this.regionPresets : null);
    // For benchmarks and tests: ms from navigation to the first frame that shows the data.
    if (!this.container.dataset.firstDrawMs && cy.elements().nonempty()) {
      // cytoscape draws the elements in the next animation frame, in its render loop's callback,
      // which runs before this one (it was registered first: the loop asks for every frame). The
      // task queued from here runs once the browser has painted that frame (the canvas and WebGL
      // renderers alike). Not the frame after it: that one's callback starts with cytoscape
      // refining its textures, which can take a few hundred ms on thousands of firms.
      requestAnimationFrame(() =>
        setTimeout(() => {
          perfMark('first-draw');
          if (cy.edges().nonempty()) perfMark('links-drawn');
          this.container.dataset.firstDrawMs = String(Math.round(performance.now()));
          this.events.onFirstDraw?.();
        }, 0),
      );
    }
    if (this.mode === 'geo' || firms > FCOSE_LIMIT || firms === 0) {
      this.layout = null;
      this.done();
      return;
    }
    const run: LayoutRun = { layout: null, stop: () => run.layout?.stop() };
    this.layout = run;
    const start = (): void => {
      if (this.layout !== run || cy.destroyed()) return;
      const layout = clusterLayout(cy, { animate: false, firms });
      run.layout = layout;
      layout.one('layoutstop', () => {
        if (this.layout === run) this.done();
      });
      layout.run();
    };
    // Only once the geographic picture has been drawn (two frames on), so it is what shows first.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        setTimeout(() => {
          loadClusterLayout().then(start, () => {
            // Without the layout's code the geographic picture stays.
            if (this.layout === run) this.done();
          });
        }, 0);
      }),
    );
  }

  private done(): void {
    const cy = this.cy;
    if (cy && this.centerWhenDone) {
      const node = cy.getElementById(this.centerWhenDone);
      if (node.nonempty()) cy.center(node);
    }
    this.centerWhenDone = null;
    this.container.dataset.layout = 'done';
    this.events.onLayout?.('done');
  }

  /** Selects a firm (or none) and brings it into view. */
  select(firmId: string | null): void {
    this.selectedFirmId = firmId;
    this.applySelection();
  }

  private applySelection(): void {
    const cy = this.cy;
    if (!cy) return;
    const firmId = this.selectedFirmId;
    const node = firmId ? cy.getElementById(`firm:${firmId}`) : cy.collection();
    if (node.nonempty() && node.selected()) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (node.nonempty()) node.select();
    });
    if (node.empty()) return;
    // A viewport animation begun before a layout would end at the firm's old place.
    if (this.layout) this.centerWhenDone = node.id();
    else cy.animate({ center: { eles: node }, duration: 250 });
  }

  /** Zooms to a firm and its neighbours, dimming the rest. */
  focus(firmId: string): void {
    const cy = this.cy;
    const node = cy?.getElementById(`firm:${firmId}`);
    if (!cy || !node || node.empty()) return;
    const neighbourhood = node.closedNeighborhood();
    this.dim(neighbourhood);
    cy.animate({ fit: { eles: neighbourhood, padding: 60 }, duration: 300 });
  }

  /** Rings the given firms (a candidate shown from the gap finder or supplier search). */
  highlight(firmIds: readonly string[]): void {
    this.highlighted = firmIds;
    this.applyHighlight();
  }

  private applyHighlight(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.$('.highlighted').removeClass('highlighted');
      for (const id of this.highlighted) cy.getElementById(`firm:${id}`).addClass('highlighted');
    });
  }

  fit(): void {
    this.dim(null);
    this.cy?.animate({ fit: { eles: this.cy.elements(), padding: 28 }, duration: 250 });
  }

  private dim(keep: cytoscape.CollectionReturnValue | null): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('dimmed of-selected');
      if (!keep) return;
      cy.$('node.firm, edge').not(keep).addClass('dimmed');
      keep.edges().addClass('of-selected');
    });
  }

  /** The whole map as a PNG on white, at twice the screen's resolution (capped for big maps). */
  png(): Blob | null {
    const cy = this.cy;
    if (!cy || cy.elements().empty()) return null;
    return cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2, maxWidth: 8000, maxHeight: 8000 });
  }

  private teardown(): void {
    this.detail?.destroy();
    this.detail = null;
    this.layout?.stop();
    this.layout = null;
    this.cy?.destroy();
    this.cy = null;
  }

  destroy(): void {
    this.resize.disconnect();
    this.pending = null;
    this.teardown();
  }
}
