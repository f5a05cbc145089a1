import type { Core } from 'cytoscape';

/**
 * Firms' names on big graphs, drawn where they can be read: once the view has settled at a zoom
 * where names are legible, the firms in view (and a margin around it) get the class `labelled`,
 * which the big graphs' stylesheet needs to style a name (see `stylesheetFor`). A firm keeps the
 * class once given, so panning back costs nothing; styling a few hundred names after a zoom is cheap,
 * styling ten thousand before the first frame is not.
 */

/** Names are 13 px, drawn from 8 px on screen (`min-zoomed-font-size`): zoom 0.62. Start a little before. */
export const LABEL_ZOOM = 0.5;
/** Wait for the view to settle: `viewport` fires on every step of a pan or zoom. */
const SETTLE_MS = 120;
/** Names of firms just outside the view too, so a short pan shows them at once. */
const MARGIN = 0.5;

export class LabelsOnDemand {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly schedule = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  };

  constructor(private readonly cy: Core) {
    cy.on('viewport', this.schedule);
  }

  /** Labels the unlabelled firms in and around the view, if zoomed in far enough. */
  refresh(): void {
    const cy = this.cy;
    if (cy.destroyed() || cy.zoom() < LABEL_ZOOM) return;
    const { x1, y1, x2, y2, w, h } = cy.extent();
    const [left, right, top, bottom] = [x1 - MARGIN * w, x2 + MARGIN * w, y1 - MARGIN * h, y2 + MARGIN * h];
    const due = cy.nodes('.firm').filter((node) => {
      if (node.hasClass('labelled')) return false;
      const { x, y } = node.position();
      return x >= left && x <= right && y >= top && y <= bottom;
    });
    if (due.nonempty()) cy.batch(() => due.addClass('labelled'));
  }

  destroy(): void {
    clearTimeout(this.timer);
    if (!this.cy.destroyed()) this.cy.off('viewport', this.schedule);
  }
}
