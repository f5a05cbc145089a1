import type { Core } from 'cytoscape';

/**
 * Detail on big graphs, drawn where it can be seen: once the view has settled at a zoom where
 * names can be read, the firms in view (and a margin around it) and their links get the class
 * `detailed`. The big graphs' stylesheet (see `stylesheetFor`) styles a firm's name, and draws a
 * link curved apart from a parallel one and with its arrow, only for `detailed` elements; below
 * that zoom names are too small to be drawn and arrows are under a pixel anyway. An element keeps
 * the class once given, so panning back costs nothing: styling a few hundred elements after a zoom
 * is cheap, styling ten thousand before the first frame is not.
 */

/** Names are 13 px, drawn from 8 px on screen (`min-zoomed-font-size`): zoom 0.62. Start a little before. */
export const DETAIL_ZOOM = 0.5;
/** Wait for the view to settle: `viewport` fires on every step of a pan or zoom. */
const SETTLE_MS = 120;
/** Firms just outside the view too, so a short pan shows them at once. */
const MARGIN = 0.5;

export class DetailOnDemand {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly schedule = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  };

  constructor(private readonly cy: Core) {
    cy.on('viewport', this.schedule);
  }

  /** Details the firms in and around the view, and their links, if zoomed in far enough. */
  refresh(): void {
    const cy = this.cy;
    if (cy.destroyed() || cy.zoom() < DETAIL_ZOOM) return;
    const { x1, y1, x2, y2, w, h } = cy.extent();
    const [left, right, top, bottom] = [x1 - MARGIN * w, x2 + MARGIN * w, y1 - MARGIN * h, y2 + MARGIN * h];
    const due = cy.nodes('.firm').filter((node) => {
      if (node.hasClass('detailed')) return false;
      const { x, y } = node.position();
      return x >= left && x <= right && y >= top && y <= bottom;
    });
    if (due.nonempty()) cy.batch(() => due.union(due.connectedEdges()).addClass('detailed'));
  }

  destroy(): void {
    clearTimeout(this.timer);
    if (!this.cy.destroyed()) this.cy.off('viewport', this.schedule);
  }
}
