import { ImportFileError } from './decode';
import type { ReadBudget } from './read-limits';
import { feedXml, localName, type XmlHandlers } from './xml-feed';
import { entryChunks, type ZipEntry } from './zip';

/**
 * The parts of a workbook the sheet reader needs before the sheet itself: where the first sheet
 * is, the shared strings its cells point into, which cell styles are dates, and the date system.
 * Each is read through the same bounded unzip and SAX feed as the sheet.
 */

export interface WorkbookParts {
  sheetPath: string;
  sharedStrings: string[];
  /** By cell style index (`<c s="…">`): whether the style shows a number as a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

const bad = (detail: string) => new ImportFileError('badXlsx', detail);

function read(entries: Map<string, ZipEntry>, buf: Uint8Array, path: string, handlers: XmlHandlers, budget: ReadBudget): boolean {
  const entry = entries.get(path.toLowerCase());
  if (!entry) return false;
  for (const _ of feedXml(entryChunks(buf, entry, budget), handlers, budget));
  return true;
}

const ignore = () => undefined;

/** A relationship target relative to the folder of the part that names it (or absolute). */
function resolve(fromDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromDir.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsOf = (path: string) => `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

interface Relationship {
  type: string;
  target: string;
}

function relationships(entries: Map<string, ZipEntry>, buf: Uint8Array, of: string, budget: ReadBudget): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  read(entries, buf, relsOf(of), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, { type: a.Type ?? '', target: resolve(dirOf(of), a.Target) });
    },
    close: ignore,
    text: ignore,
  }, budget);
  return rels;
}

const byType = (rels: Map<string, Relationship>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

/** The relationship id attribute of a <sheet>, whatever the prefix of its namespace (r:id, ns1:id). */
const relId = (a: Readonly<Record<string, string>>) => Object.entries(a).find(([k]) => k.includes(':') && localName(k) === 'id')?.[1];

export function workbookParts(entries: Map<string, ZipEntry>, buf: Uint8Array, budget: ReadBudget): WorkbookParts {
  const workbookPath = byType(relationships(entries, buf, '', budget), 'officeDocument') ?? 'xl/workbook.xml';
  const sheetIds: string[] = [];
  let date1904 = false;
  const found = read(entries, buf, workbookPath, {
    open(name, a) {
      if (name === 'sheet') {
        const id = relId(a);
        if (id) sheetIds.push(id);
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close: ignore,
    text: ignore,
  }, budget);
  if (!found) throw bad('no workbook: not an XLSX file');
  const rels = relationships(entries, buf, workbookPath, budget);
  // The first sheet in tab order that is a worksheet (not a chart sheet).
  const sheetPath = sheetIds.map((id) => rels.get(id)).find((r) => r?.type.endsWith('/worksheet'))?.target;
  if (!sheetPath || !entries.has(sheetPath.toLowerCase())) throw bad('the workbook has no worksheet');
  return {
    sheetPath,
    sharedStrings: sharedStrings(entries, buf, byType(rels, 'sharedStrings') ?? `${dirOf(workbookPath)}sharedStrings.xml`, budget),
    dateStyles: dateStyles(entries, buf, byType(rels, 'styles') ?? `${dirOf(workbookPath)}styles.xml`, budget),
    date1904,
  };
}

/** Every <si>: its text, or its rich-text runs joined; phonetic guides (<rPh>) are not text. */
function sharedStrings(entries: Map<string, ZipEntry>, buf: Uint8Array, path: string, budget: ReadBudget): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = false;
  read(entries, buf, path, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic = true;
      else if (name === 't') inText = !phonetic && current !== null;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      } else if (name === 'rPh') phonetic = false;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (!inText || current === null) return;
      current += text;
      budget.cell(current.length, null);
    },
  }, budget);
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 18.8.30, with the Chinese, Japanese and Korean ones). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** A format code shows a date when, outside quoted text and [brackets], it has a year or a day. */
export const isDateFormat = (code: string) => /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*]|\\./g, ''));

function dateStyles(entries: Map<string, ZipEntry>, buf: Uint8Array, path: string, budget: ReadBudget): boolean[] {
  const customDates = new Map<number, boolean>();
  const formats: number[] = [];
  let inCellXfs = false;
  read(entries, buf, path, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) customDates.set(Number(a.numFmtId), isDateFormat(a.formatCode));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: ignore,
  }, budget);
  return formats.map((id) => customDates.get(id) ?? BUILT_IN_DATES.has(id));
}
