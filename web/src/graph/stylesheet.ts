import type { StylesheetJson } from 'cytoscape';
import type { FirmRole } from './model';

/**
 * How the cluster graph looks. The palette and shapes are exported as plain data so that the legend
 * (a React component outside this folder) draws exactly what the graph draws.
 *
 * Firms: shape and colour by role; firms outside the region are grey with a dashed outline, keeping
 * their role's shape, so a chain's gaps stand out. Size follows output value.
 * Links: supply solid with an arrow supplier → buyer, width by value; scrap returns orange and
 * dashed; mentoring ties teal and dotted. A flow whose value the viewer may not see is drawn at a
 * neutral width: any width would otherwise read as a value.
 */

export type NodeShape = 'round-diamond' | 'ellipse' | 'round-hexagon' | 'round-rectangle';

export const ROLE_STYLE: Readonly<Record<FirmRole, { colour: string; border: string; shape: NodeShape }>> = {
  'chain-leader': { colour: '#c92a2a', border: '#8f1d1d', shape: 'round-diamond' },
  supplier: { colour: '#1971c2', border: '#114f89', shape: 'ellipse' },
  recycler: { colour: '#2b8a3e', border: '#1c5c29', shape: 'round-hexagon' },
  oem: { colour: '#6741d9', border: '#45299c', shape: 'round-rectangle' },
};

export const OUTSIDE_STYLE = { colour: '#adb5bd', border: '#495057' } as const;

export const LINK_STYLE = {
  supply: { colour: '#5c6b7a', lineStyle: 'solid' },
  scrapReturn: { colour: '#e8590c', lineStyle: 'dashed' },
  support: { colour: '#0c8599', lineStyle: 'dotted' },
} as const;

export const DISTRICT_STYLE = {
  inRegion: { fill: '#f1f5f9', border: '#cbd5e1' },
  outside: { fill: '#fafafa', border: '#adb5bd' },
} as const;

export const NODE_SIZE = { min: 26, max: 68 } as const;
export const EDGE_WIDTH = { min: 1.5, max: 11 } as const;
/** For flows of undisclosed value: thin enough not to suggest a large flow, thick enough to follow. */
export const HIDDEN_AMOUNT_EDGE_WIDTH = 2.5;

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

const roleRules: StylesheetJson = (Object.keys(ROLE_STYLE) as FirmRole[]).map((role) => ({
  selector: `node.role-${role}`,
  style: {
    'background-color': ROLE_STYLE[role].colour,
    'border-color': ROLE_STYLE[role].border,
    shape: ROLE_STYLE[role].shape,
  },
}));

/** Replaced by `node.firm.detailed` in the sheet of big graphs (see `stylesheetFor`). */
const FIRM_LABEL_SELECTOR = 'node.firm';

/** Arrowheads: supplier → buyer (and scrap returner → recycler), mentor → mentee. */
const ARROW = { flow: 'triangle', support: 'vee' } as const;

export const clusterStylesheet: StylesheetJson = [
  {
    selector: 'node.district',
    style: {
      shape: 'round-rectangle',
      'background-color': DISTRICT_STYLE.inRegion.fill,
      'background-opacity': 1,
      'border-width': 1,
      'border-color': DISTRICT_STYLE.inRegion.border,
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 14,
      'font-weight': 600,
      color: '#475569',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      padding: '18px',
      // Labels too small to read are not drawn: with thousands of firms that is most of the cost.
      'min-zoomed-font-size': 7,
      // Sizing a district by its firms' labels too means measuring every label's text first.
      'compound-sizing-wrt-labels': 'exclude',
    },
  },
  {
    // Big graphs: a district is a region behind its firms rather than their compound parent.
    selector: 'node.district.region',
    style: {
      shape: 'ellipse',
      width: 'data(regionSize)',
      height: 'data(regionSize)',
      'background-opacity': 0.7,
      'font-size': 40,
      'min-zoomed-font-size': 6,
      events: 'no',
    },
  },
  {
    selector: 'node.district.outside',
    style: {
      'background-color': DISTRICT_STYLE.outside.fill,
      'border-color': DISTRICT_STYLE.outside.border,
      'border-style': 'dashed',
      color: '#868e96',
    },
  },
  {
    selector: 'node.firm',
    style: {
      width: `mapData(outputScore, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`,
      height: `mapData(outputScore, 0, 1, ${NODE_SIZE.min}, ${NODE_SIZE.max})`,
      'border-width': 2,
    },
  },
  {
    selector: FIRM_LABEL_SELECTOR,
    style: {
      label: 'data(label)',
      'font-family': FONT,
      'font-size': 13,
      color: '#1f2933',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'min-zoomed-font-size': 8,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
    },
  },
  ...roleRules,
  {
    selector: 'node.firm.outside',
    style: {
      'background-color': OUTSIDE_STYLE.colour,
      'border-color': OUTSIDE_STYLE.border,
      'border-style': 'dashed',
    },
  },
  {
    selector: 'node.firm:selected',
    style: {
      'border-width': 4,
      'border-color': '#f59f00',
      'border-style': 'solid',
      'font-weight': 700,
      'z-index': 10,
    },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      'line-color': LINK_STYLE.supply.colour,
      'target-arrow-color': LINK_STYLE.supply.colour,
      'target-arrow-shape': ARROW.flow,
      'arrow-scale': 0.9,
      // Not `opacity`: an element's opacity is multiplied with its parents' on every draw.
      'line-opacity': 0.8,
    },
  },
  {
    selector: 'edge.flow',
    style: {
      width: `mapData(amountScore, 0, 1, ${EDGE_WIDTH.min}, ${EDGE_WIDTH.max})`,
    },
  },
  {
    selector: 'edge.flow.amount-hidden',
    style: { width: HIDDEN_AMOUNT_EDGE_WIDTH },
  },
  {
    selector: 'edge.scrap-return',
    style: {
      'line-color': LINK_STYLE.scrapReturn.colour,
      'target-arrow-color': LINK_STYLE.scrapReturn.colour,
      'line-style': LINK_STYLE.scrapReturn.lineStyle,
      'line-dash-pattern': [8, 5],
    },
  },
  {
    selector: 'edge.support',
    style: {
      width: 2.5,
      'line-color': LINK_STYLE.support.colour,
      'target-arrow-color': LINK_STYLE.support.colour,
      'target-arrow-shape': ARROW.support,
      'line-style': LINK_STYLE.support.lineStyle,
    },
  },
  {
    // The selected firm's links come forward (ClusterGraph marks them).
    selector: 'edge.of-selected',
    style: { 'line-opacity': 1, 'z-index': 9 },
  },
  {
    selector: 'edge.dimmed, node.firm.dimmed',
    style: { opacity: 0.25 },
  },
];

/** Rules added after the base sheet: a firm ringed from the gap finder or supplier search. */
clusterStylesheet.push({
  selector: 'node.firm.highlighted',
  style: { 'border-width': 6, 'border-color': '#f59f00', 'border-style': 'double', 'z-index': 11, 'font-weight': 700 },
});

/**
 * Big graphs: links are straight lines without arrowheads (`haystack`: no pairing of parallel links
 * to curve them apart) unless `detailed`; see below.
 */
const bigGraphLinkRules: StylesheetJson = [
  { selector: 'edge', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
  { selector: 'edge.detailed', style: { 'curve-style': 'bezier', 'target-arrow-shape': ARROW.flow } },
  { selector: 'edge.support.detailed', style: { 'target-arrow-shape': ARROW.support } },
];

/**
 * The sheet for a map. With `detailOnDemand` (big graphs) a firm's name is styled, and a link
 * curved apart from a parallel one and given its arrowhead, only for elements with the class
 * `detailed`, which the map gives to firms in view, and their links, when zoomed in far enough to
 * read names (see detail.ts). Below that zoom names are too small to be drawn and arrowheads are
 * under a pixel, but cytoscape would still apply a dozen text properties to every firm, measure
 * every name and pair up every link before the first frame: about a third of drawing thousands of
 * firms.
 */
export function stylesheetFor(options: { detailOnDemand: boolean }): StylesheetJson {
  if (!options.detailOnDemand) return clusterStylesheet;
  return [
    ...clusterStylesheet.map((rule) =>
      'style' in rule && rule.selector === FIRM_LABEL_SELECTOR && 'label' in rule.style ? { ...rule, selector: `${FIRM_LABEL_SELECTOR}.detailed` } : rule,
    ),
    ...bigGraphLinkRules,
  ];
}
