import { nodes, relationships, relSpecs, type NodeLabel, type PropertySpec, type RelType } from '@yulian/schema';

/** The relationship types a dump carries: derived links are left out and rebuilt on restore. */
export const DUMPED_REL_TYPES: readonly RelType[] = relSpecs.filter((r) => !r.derived).map((r) => r.type as RelType);
const dumped = Object.fromEntries(DUMPED_REL_TYPES.map((t) => [t, relationships[t]]));
import type { DumpKey } from '../store/queries/dump';

/**
 * The dump format, version 1: JSON lines. Line 1 is the header; then one line per node, label by
 * label in model order and by key within a label; then one line per relationship, type by type,
 * by its endpoints' keys. Properties that are null are left out. Two stores with the same content
 * give the same file, apart from the header's createdAt.
 *
 *   {"format":"yulian-dump","version":1,"createdAt":"…","counts":{"nodes":{"Firm":62,…},"relationships":{"MAKES":80,…}}}
 *   {"type":"node","label":"Firm","key":"anrui","props":{"nameZh":"…",…}}
 *   {"type":"rel","rel":"MAKES","from":{"label":"Firm","key":"anrui"},"to":{"label":"Segment","key":"AL_DIE_CASTING"},"props":{…}}
 */

export const DUMP_FORMAT = 'yulian-dump';
export const DUMP_VERSION = 1;

export interface DumpCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: typeof DUMP_VERSION;
  createdAt: string;
  counts: DumpCounts;
}

export interface NodeRef {
  label: NodeLabel;
  key: DumpKey;
}

export interface NodeLine {
  type: 'node';
  label: NodeLabel;
  key: DumpKey;
  props: Record<string, unknown>;
}

export interface RelLine {
  type: 'rel';
  rel: RelType;
  from: NodeRef;
  to: NodeRef;
  props: Record<string, unknown>;
}

/** A line of the file that is not what the format says; `line` counts from 1, the header being 1. */
export class DumpLineError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'DumpLineError';
  }
}

export function totalOf(counts: DumpCounts): number {
  return [...Object.values(counts.nodes), ...Object.values(counts.relationships)].reduce((a, b) => a + b, 0);
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string, line: number): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DumpLineError(line, `not a complete JSON object (${why}); the file may be truncated or corrupt`);
  }
  if (!isObject(value)) throw new DumpLineError(line, 'not a JSON object');
  return value;
}

function onlyFields(value: Json, allowed: readonly string[], line: number, what: string): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new DumpLineError(line, `${what} has unexpected field ${JSON.stringify(extra[0])}`);
}

function countsMap(value: unknown, known: Readonly<Record<string, unknown>>, what: string): Record<string, number> {
  if (!isObject(value)) throw new DumpLineError(1, `the header's counts.${what} is not an object`);
  for (const [name, n] of Object.entries(value)) {
    if (!Object.hasOwn(known, name)) throw new DumpLineError(1, `the header counts ${what} of ${JSON.stringify(name)}, which this version of Yulian does not know`);
    if (!Number.isSafeInteger(n) || (n as number) < 0) throw new DumpLineError(1, `the header's count of ${name} is not a whole number`);
  }
  return value as Record<string, number>;
}

export function parseHeader(text: string | undefined): DumpHeader {
  if (text === undefined || text.trim() === '') throw new DumpLineError(1, 'the file is empty; a Yulian dump starts with its header line');
  const value = parseJson(text, 1);
  if (value.format !== DUMP_FORMAT) throw new DumpLineError(1, `not a Yulian dump (the header's format is ${JSON.stringify(value.format)}, not "${DUMP_FORMAT}")`);
  if (value.version !== DUMP_VERSION) {
    throw new DumpLineError(1, `dump version ${JSON.stringify(value.version)} cannot be read by this version of Yulian, which reads version ${DUMP_VERSION}`);
  }
  onlyFields(value, ['format', 'version', 'createdAt', 'counts'], 1, 'the header');
  if (typeof value.createdAt !== 'string') throw new DumpLineError(1, 'the header has no createdAt');
  if (!isObject(value.counts)) throw new DumpLineError(1, 'the header has no counts');
  return {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    createdAt: value.createdAt,
    counts: {
      nodes: countsMap(value.counts.nodes, nodes, 'nodes'),
      relationships: countsMap(value.counts.relationships, dumped, 'relationships'),
    },
  };
}

/** Null when the value fits the property's type, else what is wrong with it. */
export function valueProblem(spec: PropertySpec, value: unknown): string | null {
  if (value === null) return null;
  switch (spec.type) {
    case 'STRING':
      return typeof value === 'string' ? null : 'is not a string';
    case 'INT64':
      return Number.isSafeInteger(value) ? null : 'is not a whole number';
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'is not a number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? null : 'is not true or false';
    case 'STRING[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : 'is not a list of strings';
  }
}

function checkProps(value: unknown, properties: Readonly<Record<string, PropertySpec>>, line: number, owner: string): Record<string, unknown> {
  if (!isObject(value)) throw new DumpLineError(line, `${owner}: props is not an object`);
  for (const [name, v] of Object.entries(value)) {
    const spec = properties[name];
    if (!spec || !Object.hasOwn(properties, name)) throw new DumpLineError(line, `${owner} has no property ${JSON.stringify(name)}`);
    const problem = valueProblem(spec, v);
    if (problem) throw new DumpLineError(line, `${owner}: ${name} ${problem} (${JSON.stringify(v)?.slice(0, 80)})`);
  }
  return value;
}

function nodeRef(value: unknown, label: string, line: number, end: 'from' | 'to'): NodeRef {
  if (!isObject(value)) throw new DumpLineError(line, `${end} is not an object`);
  onlyFields(value, ['label', 'key'], line, end);
  if (value.label !== label) throw new DumpLineError(line, `${end}.label is ${JSON.stringify(value.label)}; this relationship goes ${end} ${label}`);
  return { label: label as NodeLabel, key: checkKey(label as NodeLabel, value.key, line, `${end}.key`) };
}

function checkKey(label: NodeLabel, key: unknown, line: number, what: string): DumpKey {
  const spec = nodes[label];
  const keySpec = spec.properties[spec.key as keyof typeof spec.properties] as PropertySpec;
  if (key === null || key === undefined) throw new DumpLineError(line, `${what} is missing`);
  const problem = valueProblem(keySpec, key);
  if (problem) throw new DumpLineError(line, `${what} ${problem}`);
  return key as DumpKey;
}

/** Parses and checks one node or relationship line against the model. */
export function parseLine(text: string, line: number): NodeLine | RelLine {
  const value = parseJson(text, line);
  if (value.type === 'node') {
    onlyFields(value, ['type', 'label', 'key', 'props'], line, 'a node');
    const label = value.label;
    if (typeof label !== 'string' || !Object.hasOwn(nodes, label)) throw new DumpLineError(line, `unknown node label ${JSON.stringify(label)}`);
    const nodeLabel = label as NodeLabel;
    const spec = nodes[nodeLabel];
    const key = checkKey(nodeLabel, value.key, line, `the ${label}'s key`);
    const props = checkProps(value.props, spec.properties, line, `${label} ${JSON.stringify(key)}`);
    if (Object.hasOwn(props, spec.key) && props[spec.key] !== key) throw new DumpLineError(line, `${label} ${JSON.stringify(key)}: props.${spec.key} differs from key`);
    return { type: 'node', label: nodeLabel, key, props };
  }
  if (value.type === 'rel') {
    onlyFields(value, ['type', 'rel', 'from', 'to', 'props'], line, 'a relationship');
    const rel = value.rel;
    if (typeof rel !== 'string' || !Object.hasOwn(dumped, rel)) throw new DumpLineError(line, `unknown relationship type ${JSON.stringify(rel)}`);
    const relType = rel as RelType;
    const spec = relationships[relType];
    const from = nodeRef(value.from, spec.from, line, 'from');
    const to = nodeRef(value.to, spec.to, line, 'to');
    const props = checkProps(value.props, spec.properties, line, rel);
    return { type: 'rel', rel: relType, from, to, props };
  }
  throw new DumpLineError(line, `type is ${JSON.stringify(value.type)}; a line after the header is a "node" or a "rel"`);
}
