/**
 * How much of an uploaded spreadsheet the server will read. Every limit is checked while the file
 * is read, row by row and chunk by chunk, so a hostile file (a zip bomb, a CSV of one endless
 * cell) is refused after a bounded amount of work and memory, never after it has been unpacked.
 * config.ts reads each from the environment variable named in LIMIT_ENV.
 */
export interface ReadLimits {
  /** Rows read from the sheet, blank ones included. */
  maxRows: number;
  /** Columns of a row that hold a value (CSV: fields of a record). */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Bytes an XLSX file unpacks to, all the parts read added up. */
  maxUnzippedBytes: number;
  /** Unpacked bytes per packed byte of an XLSX part. */
  maxInflateRatio: number;
  /** Seconds from the start of reading until the last row has been read and checked. */
  maxReadSeconds: number;
}

export type ReadLimit = keyof ReadLimits;

export const defaultReadLimits: ReadLimits = {
  // The README's million-row order import with room to spare; memory is bounded by the others.
  maxRows: 2_000_000,
  // The widest kind has 22 columns; a sheet with notes beside them still fits.
  maxColumns: 256,
  // Excel's own limit for a cell: nothing Excel can save is refused.
  maxCellChars: 32_767,
  // A million order rows written by exceljs unpack to about 530 MB of sheet XML.
  maxUnzippedBytes: 1024 ** 3,
  // Sheet XML packs 10–15 : 1 (measured on exports, identical rows included); Apache POI refuses
  // beyond 100 : 1 by default, and a zip bomb of identical rows packs 500–1000 : 1.
  maxInflateRatio: 100,
  // A million CSV rows read and validate in 17 s on an idle machine, 3–4 times that under load.
  maxReadSeconds: 300,
};

export const LIMIT_ENV: Record<ReadLimit, string> = {
  maxRows: 'YULIAN_IMPORT_MAX_ROWS',
  maxColumns: 'YULIAN_IMPORT_MAX_COLUMNS',
  maxCellChars: 'YULIAN_IMPORT_MAX_CELL_CHARS',
  maxUnzippedBytes: 'YULIAN_IMPORT_MAX_UNZIPPED_BYTES',
  maxInflateRatio: 'YULIAN_IMPORT_MAX_INFLATE_RATIO',
  maxReadSeconds: 'YULIAN_IMPORT_MAX_READ_SECONDS',
};

/** A file went over one of the limits; the route answers 413 naming it. */
export class ImportLimitError extends Error {
  constructor(
    readonly limit: ReadLimit,
    readonly max: number,
    /** The sheet row where it happened, when there is one. */
    readonly row: number | null = null,
  ) {
    super(`${LIMIT_ENV[limit]} (${max}) exceeded${row === null ? '' : ` at row ${row}`}`);
  }
}

/** Rows between two looks at the clock: often enough to stop in time, rare enough to cost nothing. */
const CLOCK_EVERY = 1024;

/**
 * The counters one read of one file keeps against its limits. The readers call it as they go;
 * it throws ImportLimitError the moment a limit is passed.
 */
export class ReadBudget {
  private rows = 0;
  private unzippedBytes = 0;
  private readonly deadline: number;

  constructor(readonly limits: ReadLimits = defaultReadLimits) {
    this.deadline = Date.now() + limits.maxReadSeconds * 1000;
  }

  /** One more row (numbered as Excel shows it) with this many columns holding a value. */
  row(row: number, columns: number): void {
    this.rows++;
    if (this.rows > this.limits.maxRows) throw new ImportLimitError('maxRows', this.limits.maxRows, row);
    this.columns(columns, row);
    if (this.rows % CLOCK_EVERY === 0) this.clock();
  }

  /** Columns holding a value in one row, checked as they are found. */
  columns(count: number, row: number | null): void {
    if (count > this.limits.maxColumns) throw new ImportLimitError('maxColumns', this.limits.maxColumns, row);
  }

  /** A cell's length; row is null while the row's number is not known yet (shared strings). */
  cell(length: number, row: number | null): void {
    if (length > this.limits.maxCellChars) throw new ImportLimitError('maxCellChars', this.limits.maxCellChars, row);
  }

  /** Before a zip part is unpacked: its declared size must fit what is left. */
  willUnzip(declaredBytes: number): void {
    if (this.unzippedBytes + declaredBytes > this.limits.maxUnzippedBytes) throw new ImportLimitError('maxUnzippedBytes', this.limits.maxUnzippedBytes);
  }

  /** Bytes a zip part really unpacked to, as they come out. */
  unzipped(bytes: number): void {
    this.unzippedBytes += bytes;
    if (this.unzippedBytes > this.limits.maxUnzippedBytes) throw new ImportLimitError('maxUnzippedBytes', this.limits.maxUnzippedBytes);
  }

  clock(): void {
    if (Date.now() > this.deadline) throw new ImportLimitError('maxReadSeconds', this.limits.maxReadSeconds);
  }
}
