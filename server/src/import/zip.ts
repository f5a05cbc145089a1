import { Inflate } from 'fflate';
import { ImportFileError } from './decode';
import { ImportLimitError, type ReadBudget } from './read-limits';

/**
 * Reads the parts of an XLSX file (a zip) from the uploaded bytes, one chunk at a time and within
 * the read budget. The central directory is read first, so a part is found without unpacking what
 * comes before it, and a part's declared size and packing ratio are checked before a byte of it is
 * unpacked: an honest zip bomb is refused at once. While unpacking, the real output is counted
 * against the declared size, the unpacked-bytes limit and the ratio limit, so a bomb that lies
 * about its size is refused after one slice. Nothing here holds a whole unpacked part.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** Packed bytes handed to the inflater at a time: at most about 16 MB come out of one slice. */
const SLICE = 16 * 1024;
const FIRST_SLICE = 1024;
/**
 * Below this much output the ratio is not judged: a small part may pack tighter than a sheet.
 * Real sheets stay near 10–20 : 1 from their first bytes on (row and cell references differ on
 * every row), so a quarter of a megabyte is enough to tell.
 */
const RATIO_GRACE = 256 * 1024;

const bad = (detail: string) => new ImportFileError('badXlsx', detail);

/** The zip's parts by lower-cased name (OOXML part names are case-insensitive). */
export function zipEntries(buf: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - EOCD_SEARCH); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw bad('no end of central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw bad('zip64 is not supported');
  if (offset + size > end) throw bad('central directory out of bounds');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw bad('bad central directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw bad('central directory entry out of bounds');
    const entry: ZipEntry = {
      name: new TextDecoder().decode(buf.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
    at = next;
  }
  return entries;
}

/** Where the part's packed bytes are: after its local header, whose extra field may differ. */
function packedBytes(buf: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || view.getUint32(at, true) !== LOCAL) throw bad(`no local header for ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > buf.length) throw bad(`${entry.name} is cut off`);
  return buf.subarray(start, start + entry.compressedSize);
}

/** The unpacked bytes of one part, chunk by chunk, each counted against the budget before it is yielded. */
export function* entryChunks(buf: Uint8Array, entry: ZipEntry, budget: ReadBudget): Generator<Uint8Array> {
  const { maxInflateRatio } = budget.limits;
  if (entry.flags & 1) throw bad('encrypted');
  budget.willUnzip(entry.size);
  if (entry.size > RATIO_GRACE && entry.size > entry.compressedSize * maxInflateRatio) throw new ImportLimitError('maxInflateRatio', maxInflateRatio);
  const packed = packedBytes(buf, entry);
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw bad(`${entry.name}: stored sizes differ`);
    for (let at = 0; at < packed.length; at += SLICE) {
      const chunk = packed.subarray(at, at + SLICE);
      budget.unzipped(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) throw bad(`${entry.name}: compression method ${entry.method}`);
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => void out.push(chunk));
  let produced = 0;
  // The first slices are small, so a bomb shows its ratio after a few hundred kilobytes of output, not sixteen megabytes.
  let slice = FIRST_SLICE;
  for (let at = 0; at < packed.length || at === 0; at += slice, slice = Math.min(SLICE, slice * 2)) {
    inflater.push(packed.subarray(at, at + slice), at + slice >= packed.length);
    for (const chunk of out) {
      produced += chunk.length;
      const consumed = Math.min(packed.length, at + slice);
      const tooTight = produced > consumed * maxInflateRatio;
      // The central directory promised less: a bomb that lies about its size, or a broken file.
      const overDeclared = produced > entry.size;
      if (tooTight && (overDeclared || produced > RATIO_GRACE)) throw new ImportLimitError('maxInflateRatio', maxInflateRatio);
      if (overDeclared) throw bad(`${entry.name} unpacks to more than its declared ${entry.size} bytes`);
      budget.unzipped(chunk.length);
    }
    for (const chunk of out.splice(0)) yield chunk;
  }
  if (produced !== entry.size) throw bad(`${entry.name} unpacks to ${produced} bytes, not the declared ${entry.size}`);
}
