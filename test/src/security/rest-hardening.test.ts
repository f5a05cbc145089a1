import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { fullDump, templateCsv } from '../import/helpers';
import { tokenFor } from '../roles';
import { INTERNALS } from './listen';
import { repeated, rowXml, workbookParts, xlsxOf, zipFile } from './xlsx-files';

/**
 * The REST import routes against a hostile client, over HTTP against the real server: a
 * cross-site form post riding on the session cookie, zip bombs and other files that would take
 * more memory or time than the server has, broken multipart bodies, an endless cell echoed back,
 * and a user who uploads without pause.
 */

const CSRF = { 'x-graphql-yoga-csrf': 'test' };

interface Answer {
  status: number;
  text: string;
  json: {
    ok?: boolean;
    committed?: boolean;
    code?: string;
    limit?: { name: string; max: number };
    errors: { row: number | null; column: string | null; value: string | null; message: string }[];
  };
  ms: number;
}

function form(file: string | Buffer, name = 'orders.csv'): FormData {
  const body = new FormData();
  body.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
  return body;
}

async function post(url: string, path: string, body: FormData | string, headers: Record<string, string>): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${url}${path}`, { method: 'POST', body, headers: { 'accept-language': 'en', ...headers } });
  const text = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, text, json: JSON.parse(text) as Answer['json'], ms };
}

const order = (id: string) => ({ id, kind: 'SUPPLY', supplierId: 'aofang', buyerId: 'anrui', segmentCode: 'SURFACE_TREATMENT', year: 2025, amountCny: 1000 });
const ORDER_KEYS = ['id', 'kind', 'supplierId', 'buyerId', 'segmentCode', 'year', 'amountCny'];

/** Resident memory now, and the peak since the last reset (Linux keeps it in /proc; writing 5 to clear_refs resets it). */
const rssKb = () => Math.round(process.memoryUsage.rss() / 1024);
const peakKb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
const resetPeak = () => writeFileSync('/proc/self/clear_refs', '5');

let server: TestServer;
let firm: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  firm = await tokenFor(server.store, { role: 'FIRM', firmId: 'aofang' });
  admin = await tokenFor(server.store, { role: 'ADMIN' });
});
afterAll(async () => server?.close());

describe('CSRF on the state-changing REST routes', () => {
  const cookie = () => ({ cookie: `yulian_session=${firm}` });

  it('refuses a commit signed by the session cookie unless it carries the header or comes from this origin, and changes nothing', async () => {
    const before = await fullDump(server.store);
    const { port } = new URL(server.url);
    const hostile: Record<string, string>[] = [
      { ...cookie(), origin: 'http://evil.example' },
      cookie(),
      { ...cookie(), origin: 'null' },
      { ...cookie(), origin: `http://127.0.0.1:${Number(port) + 1}` },
      { ...cookie(), origin: `https://127.0.0.1:${port}` },
      // Without a trusted proxy, forwarded headers are the client's own words and change nothing.
      { ...cookie(), origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      { authorization: `Bearer ${firm}`, origin: 'http://evil.example' },
    ];
    for (const headers of hostile) {
      const answer = await post(server.url, '/api/import/orders?mode=commit', form(templateCsv('orders', [order('csrf-evil')])), headers);
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.json).toMatchObject({ ok: false, code: 'CSRF_REFUSED' });
      expect(answer.json.errors[0]?.message).toContain('x-graphql-yoga-csrf');
    }
    expect(await fullDump(server.store)).toEqual(before);
  });

  it('accepts the header, or an Origin equal to the server’s own', async () => {
    const byHeader = await post(server.url, '/api/import/orders?mode=commit', form(templateCsv('orders', [order('csrf-header')])), { ...cookie(), ...CSRF });
    expect(byHeader.status).toBe(200);
    expect(byHeader.json).toMatchObject({ ok: true, committed: true });
    const byOrigin = await post(server.url, '/api/import/orders?mode=commit', form(templateCsv('orders', [order('csrf-origin')])), { ...cookie(), origin: server.url });
    expect(byOrigin.status).toBe(200);
    expect(byOrigin.json).toMatchObject({ ok: true, committed: true });
  });

  it('reads need neither: templates and exports answer a plain GET', async () => {
    const template = await fetch(`${server.url}/api/import/orders/template?format=csv`, { headers: { origin: 'http://evil.example' } });
    expect(template.status).toBe(200);
    const exported = await fetch(`${server.url}/api/export/orders?format=csv`, { headers: { ...cookie(), origin: 'http://evil.example' } });
    expect(exported.status).toBe(200);
  });

  it('behind a trusted proxy the server’s origin is the one the proxy forwards', async () => {
    const proxied = await startTestServer({ seed: false, security: { trustProxy: 'loopback' } });
    try {
      const token = await tokenFor(proxied.store, { role: 'ADMIN' });
      const forwarded = { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'yulian.example' };
      const same = await post(proxied.url, '/api/import/orders', form(''), { ...forwarded, origin: 'https://yulian.example' });
      expect(same.status).toBe(400); // past the CSRF check: the empty file is what is refused
      expect(same.json.errors[0]?.message).toBe('the file is empty');
      const other = await post(proxied.url, '/api/import/orders', form(''), { ...forwarded, origin: 'http://yulian.example' });
      expect(other.status).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});

describe('reading a spreadsheet is bounded', () => {
  /** Millions of identical rows packed into a few megabytes, as the tester's bomb was. */
  async function bomb(understateBy: number): Promise<Buffer> {
    const row = rowXml(['bomb-1', 'SUPPLY', 'aofang', 'anrui', 'SURFACE_TREATMENT', 2025, 1000], 2);
    return zipFile(workbookParts([rowXml(ORDER_KEYS, 1), ...repeated(row, 2_000_000)], { declare: (size) => Math.floor(size / understateBy) }));
  }

  for (const [label, understate] of [['honest about its size', 1], ['lying about its size', 1000]] as const) {
    it(`a zip bomb ${label} is refused in under a second, memory stays flat and the server stays up`, async () => {
      const file = await bomb(understate);
      expect(file.length).toBeLessThan(5_000_000);
      const before = await fullDump(server.store);
      const rssBefore = rssKb();
      resetPeak();
      // Twice, and the faster counts: the machine is shared, and the refusal's own work is fixed.
      const answers = [];
      for (let i = 0; i < 2; i++) {
        answers.push(await post(server.url, '/api/import/orders?mode=dry-run', form(file, 'bomb.xlsx'), { authorization: `Bearer ${firm}`, ...CSRF }));
      }
      const grownMb = (peakKb() - rssBefore) / 1024;
      for (const answer of answers) {
        expect(answer.status).toBe(413);
        expect(answer.json.limit?.name).toBe('YULIAN_IMPORT_MAX_INFLATE_RATIO');
        expect(answer.json.errors[0]?.message).toMatch(/packed tighter than the limit of 100:1.*YULIAN_IMPORT_MAX_INFLATE_RATIO/);
      }
      expect(Math.min(...answers.map((a) => a.ms)), `${answers.map((a) => Math.round(a.ms)).join(", ")} ms`).toBeLessThan(1000);
      expect(grownMb).toBeLessThan(100);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await fullDump(server.store)).toEqual(before);
    }, 180_000);
  }

  it('each limit is named in a 413: rows, columns, cell length, unpacked size, reading time', async () => {
    const expectLimit = async (url: string, token: string, file: string | Buffer, name: string, env: string, max: number, row: number | null) => {
      const answer = await post(url, '/api/import/orders?mode=commit', form(file, name), { authorization: `Bearer ${token}`, ...CSRF });
      expect(answer.status, `${name}: ${answer.text.slice(0, 300)}`).toBe(413);
      expect(answer.json).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', limit: { name: env, max } });
      expect(answer.json.errors).toHaveLength(1);
      expect(answer.json.errors[0]?.row).toBe(row);
      expect(answer.json.errors[0]?.message).toContain(env);
      expect(answer.text).not.toMatch(INTERNALS);
    };
    // One server with small limits at a time beside the main one: on Neo4j each test worker has two databases.
    const small = await startTestServer({ seed: false, imports: { maxRows: 100, maxUnzippedBytes: 200_000 } });
    try {
      const smallAdmin = await tokenFor(small.store, { role: 'ADMIN' });
      const rows = Array.from({ length: 150 }, (_, i) => order(`many-${i}`));
      await expectLimit(small.url, smallAdmin, templateCsv('orders', rows), 'rows.csv', 'YULIAN_IMPORT_MAX_ROWS', 100, 101);
      const sheet = [ORDER_KEYS, ...rows.map((r) => Object.values(r))];
      await expectLimit(small.url, smallAdmin, await xlsxOf(sheet), 'rows.xlsx', 'YULIAN_IMPORT_MAX_ROWS', 100, 101);
      // Distinct rows pack about 10 : 1, as real ones do: only the unpacked size is over.
      const distinct = Array.from({ length: 3_000 }, (_, i) => [`unzip-${i * 7919}`, 'SUPPLY', 'aofang', 'anrui', 'SURFACE_TREATMENT', 2025, i * 31]);
      await expectLimit(small.url, smallAdmin, await xlsxOf([ORDER_KEYS, ...distinct]), 'big.xlsx', 'YULIAN_IMPORT_MAX_UNZIPPED_BYTES', 200_000, null);
    } finally {
      await small.close();
    }

    const wide = Array.from({ length: 300 }, (_, i) => `c${i}`);
    await expectLimit(server.url, admin, `${wide.join(',')}\n${wide.join(',')}\n`, 'wide.csv', 'YULIAN_IMPORT_MAX_COLUMNS', 256, 1);
    await expectLimit(server.url, admin, await xlsxOf([wide]), 'wide.xlsx', 'YULIAN_IMPORT_MAX_COLUMNS', 256, 1);
    const long = 'x'.repeat(40_000);
    await expectLimit(server.url, admin, `${ORDER_KEYS.join(',')}\nlong,${long}\n`, 'long.csv', 'YULIAN_IMPORT_MAX_CELL_CHARS', 32_767, 2);
    await expectLimit(server.url, admin, `${ORDER_KEYS.join(',')}\n"never closed,${long}\n`, 'quote.csv', 'YULIAN_IMPORT_MAX_CELL_CHARS', 32_767, 2);
    await expectLimit(server.url, admin, await xlsxOf([ORDER_KEYS, ['long', long]]), 'long.xlsx', 'YULIAN_IMPORT_MAX_CELL_CHARS', 32_767, 2);

    const slow = await startTestServer({ seed: false, imports: { maxReadSeconds: 1 } });
    try {
      const slowAdmin = await tokenFor(slow.store, { role: 'ADMIN' });
      // Reading and checking 300,000 rows takes several seconds even on an idle machine.
      const lines = [ORDER_KEYS.join(',')];
      for (let i = 0; i < 300_000; i++) lines.push(`slow-${i},SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,${i}`);
      await expectLimit(slow.url, slowAdmin, lines.join('\n'), 'slow.csv', 'YULIAN_IMPORT_MAX_READ_SECONDS', 1, null);
    } finally {
      await slow.close();
    }
  }, 240_000);

  it('a large ordinary workbook still reads whole', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`fine-${i}`, 'SUPPLY', 'aofang', 'anrui', 'SURFACE_TREATMENT', 2025, 1000 + i]);
    const answer = await post(server.url, '/api/import/orders?mode=dry-run', form(await xlsxOf([ORDER_KEYS, ...rows]), 'fine.xlsx'), { authorization: `Bearer ${admin}`, ...CSRF });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, rows: 20_000, created: 20_000 });
  }, 120_000);
});

describe('a broken multipart body is the client’s fault', () => {
  const part = (boundary: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.csv"\r\nContent-Type: text/csv\r\n\r\n${ORDER_KEYS.join(',')}\r\n`;

  it('answers 400 with a message and logs nothing as an internal error', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      const bodies: [string, string][] = [
        ['multipart/form-data', part('B')],
        ['multipart/form-data; boundary=B', part('B')], // cut off: no closing boundary
        ['multipart/form-data; boundary=B', part('B').slice(0, 30)], // cut inside the part's headers
        ['multipart/form-data; boundary=B', '--B\r\nNot a header line\r\n\r\nbody\r\n--B--\r\n'],
        ['multipart/form-data; boundary=B', '\u0000\u0001garbage'],
      ];
      for (const [contentType, body] of bodies) {
        const answer = await post(server.url, '/api/import/orders', body, { authorization: `Bearer ${admin}`, ...CSRF, 'content-type': contentType });
        expect(answer.status, `${contentType} ${JSON.stringify(body.slice(0, 40))}: ${answer.text}`).toBe(400);
        expect(answer.json.ok).toBe(false);
        expect(answer.json.errors[0]?.message).toMatch(/multipart\/form-data|field "file"/);
        expect(answer.text).not.toMatch(INTERNALS);
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('values echoed in errors are cut short', () => {
  it('a long cell and a long header come back as 200 characters and “…”', async () => {
    const cell = '9'.repeat(5_000) + 'x';
    const header = 'h'.repeat(5_000);
    const file = `${[...ORDER_KEYS, header].join(',')}\nlong-cell,SUPPLY,aofang,anrui,SURFACE_TREATMENT,2025,${cell},\n`;
    const answer = await post(server.url, '/api/import/orders', form(file), { authorization: `Bearer ${admin}`, ...CSRF });
    expect(answer.status).toBe(200);
    const amount = answer.json.errors.find((e) => e.column === 'amountCny');
    expect(amount?.value).toBe(`${'9'.repeat(200)}…`);
    const unknown = answer.json.errors.find((e) => e.message === 'unknown column');
    expect(unknown?.column).toBe(`${'h'.repeat(200)}…`);
    expect(unknown?.value).toBe(`${'h'.repeat(200)}…`);
    expect(answer.text.length).toBeLessThan(2_000);
  });
});

describe('uploads per user are rate-limited', () => {
  it('answers 429 with Retry-After past the limit, for that user only', async () => {
    const limited = await startTestServer({ seed: false, imports: { ratePerMinute: 3 } });
    try {
      const [one, two] = [await tokenFor(limited.store, { role: 'ADMIN' }), await tokenFor(limited.store, { role: 'ADMIN' })];
      const send = (token: string) => post(limited.url, '/api/import/orders', form(''), { authorization: `Bearer ${token}`, ...CSRF });
      for (let i = 0; i < 3; i++) expect((await send(one)).status).toBe(400);
      const res = await fetch(`${limited.url}/api/import/orders`, { method: 'POST', body: form(''), headers: { authorization: `Bearer ${one}`, 'accept-language': 'en', ...CSRF } });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ ok: false, code: 'RATE_LIMITED', errors: [{ message: 'too many uploads: at most 3 per minute' }] });
      expect((await send(two)).status).toBe(400);
    } finally {
      await limited.close();
    }
  });
});
