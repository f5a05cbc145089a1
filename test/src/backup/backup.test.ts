import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeSpecs, relSpecs } from '@yulian/schema';
import { queries, type GraphStore, type Query } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpGraph } from '../../../server/src/backup/dump';
import { DumpLineError } from '../../../server/src/backup/format';
import { restoreGraph, RestoreRefused } from '../../../server/src/backup/restore';
import { createUserWithPassword, openTestStore, type TestStore } from '../harness';
import { tokenFor } from '../roles';

/**
 * Backup and restore on the suite's store (embedded, or Neo4j in that project): the article's
 * dataset plus users, sessions and audit events with awkward text, dumped, restored into an empty
 * store and dumped again. Both dumps must be the same apart from the header's createdAt, and the
 * catalogue's own reads must agree too.
 */

let work: string;
let source: TestStore;
let sourceDump: string;
let empty: TestStore | undefined;

/** An empty store beside the source; the one handed out before is closed (Neo4j gives each worker two). */
async function emptyStore(): Promise<TestStore> {
  await empty?.close();
  empty = await openTestStore({ seed: false });
  return empty;
}

const dumpLines = () => readFileSync(sourceDump, 'utf8').trimEnd().split('\n');

/** The dump's lines with the header's creation time taken out. */
function contentOf(file: string): string[] {
  const [header = '', ...lines] = readFileSync(file, 'utf8').split('\n');
  const { createdAt: _createdAt, ...rest } = JSON.parse(header) as Record<string, unknown>;
  return [JSON.stringify(rest), ...lines];
}

const awkward = 'quote " backslash \\ newline\nline two, tab\t, 渝链 🚗, </script>, \u2028';

async function addPeopleAndHistory(store: GraphStore): Promise<void> {
  await createUserWithPassword(store, { username: 'backup-admin', password: 'backup admin password', role: 'ADMIN', displayName: awkward });
  await createUserWithPassword(store, { username: 'hc-bureau', password: 'hechuan bureau password', role: 'BUREAU', districtCode: '500117' });
  await tokenFor(store, { role: 'FIRM', firmId: 'anrui' });
  await store.write(async (tx) => {
    for (let i = 0; i < 30; i++) {
      await tx.run(
        queries.appendAuditEvent({
          id: `audit-${String(i).padStart(3, '0')}`,
          at: new Date(Date.UTC(2025, 4, 14, 9, i)).toISOString(),
          actorId: i % 3 === 0 ? null : 'u-admin',
          actorName: i % 3 === 0 ? null : 'admin',
          actorRole: i % 3 === 0 ? null : 'ADMIN',
          action: 'upsertFirm',
          entityType: 'Firm',
          entityId: 'anrui',
          before: i === 0 ? null : JSON.stringify({ notes: awkward, n: i }),
          after: JSON.stringify({ notes: awkward, n: i + 1, amount: 12_500_000.5 }),
          // Whose bureau reads it: some events concern a district, some (like accounts') none.
          districts: i % 5 === 0 ? [] : ['500117'],
        }),
      );
    }
  });
}

/** Reads through the catalogue, not the dump, so a property both dump and restore dropped would still show. */
async function catalogueView(store: GraphStore): Promise<unknown[]> {
  const firmIds = (await store.read(queries.findFirms({}, 0, 10_000))).map((f) => f.id);
  const orderIds = (await store.read({ name: 'orderIds', cypher: 'MATCH (o:TradeOrder) RETURN o.id AS id ORDER BY id', params: {} } as Query<{ id: string }>)).map((r) => r.id);
  const byId = <T extends { id?: unknown }>(rows: T[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return [
    await store.read(queries.listDistricts()),
    await store.read(queries.listSegments()),
    await store.read(queries.listFeeds()),
    byId(await store.read(queries.firmsByIds(firmIds))),
    await store.read(queries.capabilitiesOfFirms(firmIds)),
    await store.read(queries.needsOfFirms(firmIds)),
    byId(await store.read(queries.ordersByIds(orderIds))),
    await store.read(queries.allSupports()),
    await store.read(queries.allTradeLinks({})),
    await store.read(queries.goalsOfDistricts((await store.read(queries.listDistricts())).map((d) => d.code))),
    await store.read(queries.listUsers(0, 1000)),
    await store.read(queries.userByUsername('backup-admin')),
    await store.read(queries.auditEvents(null, 0, 1000)),
    await store.read(queries.auditEvents(null, 0, 1000, ['500117'])),
    await store.read(queries.findTargets({})),
    await store.read(queries.targetEvents((await store.read(queries.findTargets({}))).map((t) => t.id))),
  ].map((rows) => JSON.parse(JSON.stringify(rows)) as unknown);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'yulian-backup-'));
  source = await openTestStore();
  await addPeopleAndHistory(source.store);
  sourceDump = path.join(work, 'source.jsonl');
  await dumpGraph(source.store, sourceDump, { now: new Date('2025-05-14T12:00:00Z') });
});
afterAll(async () => {
  await source.close();
  await empty?.close();
  rmSync(work, { recursive: true, force: true });
});

const dumpedRelSpecs = relSpecs.filter((r) => !r.derived);

describe('backup', () => {
  it('writes a versioned header, then a line per node and relationship, covering every label and type of the model but the derived links', () => {
    const lines = readFileSync(sourceDump, 'utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] ?? '') as { format: string; version: number; createdAt: string; counts: { nodes: Record<string, number>; relationships: Record<string, number> } };
    expect(header).toMatchObject({ format: 'yulian-dump', version: 1, createdAt: '2025-05-14T12:00:00.000Z' });
    const empty = [
      ...nodeSpecs.filter((n) => !((header.counts.nodes[n.label] ?? 0) > 0)).map((n) => n.label),
      ...dumpedRelSpecs.filter((r) => !((header.counts.relationships[r.type] ?? 0) > 0)).map((r) => r.type),
    ];
    // Derived links are rebuilt on restore, never carried.
    expect(Object.keys(header.counts.relationships).filter((type) => relSpecs.find((r) => r.type === type)?.derived)).toEqual([]);
    // A label or type the test data leaves empty would go untested: give it data in addPeopleAndHistory.
    expect(empty).toEqual([]);
    const total = [...Object.values(header.counts.nodes), ...Object.values(header.counts.relationships)].reduce((a, b) => a + b, 0);
    expect(lines).toHaveLength(1 + total);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ type: 'node', label: nodeSpecs[0]?.label });
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ type: 'rel', rel: dumpedRelSpecs.at(-1)?.type });
  });

  it('gives the same file whatever the page size, including relationships cut at a page boundary', async () => {
    const small = path.join(work, 'small-pages.jsonl');
    await dumpGraph(source.store, small, { pageSize: 3, now: new Date('2025-05-14T12:00:00Z') });
    expect(readFileSync(small, 'utf8')).toBe(readFileSync(sourceDump, 'utf8'));
  });
});

describe('restore', () => {
  it('reproduces every node, relationship and property in an empty store', async () => {
    const target = await emptyStore();
    const progress: number[] = [];
    await restoreGraph(target.store, sourceDump, { batchSize: 7, onProgress: (p) => p.phase === 'writing' && progress.push(p.done) });
    expect(progress.at(-1)).toBe(dumpLines().length - 1);
    const again = path.join(work, 'restored.jsonl');
    await dumpGraph(target.store, again);
    expect(contentOf(again)).toEqual(contentOf(sourceDump));
    expect(await catalogueView(target.store)).toEqual(await catalogueView(source.store));
  });

  it('keeps relationships that repeat between the same two nodes, across page boundaries', async () => {
    const store = await emptyStore();
    await restoreGraph(store.store, sourceDump);
    await store.store.write((tx) =>
      tx.run({
        name: 'repeatSupport',
        cypher: `MATCH (a:Firm {id: 'changan'}), (b:Firm {id: 'anrui'}) UNWIND range(1, 5) AS i
          CREATE (a)-[:SUPPORTS {kinds: ['ORDERS'], since: '2030-0' + ${store.store.dialect.toText('i')}, source: 'repeat', synthetic: true}]->(b) RETURN count(*) AS n`,
        params: {},
      }),
    );
    const repeated = path.join(work, 'repeated.jsonl');
    await dumpGraph(store.store, repeated, { pageSize: 2 });
    const copy = await emptyStore();
    await restoreGraph(copy.store, repeated);
    const back = path.join(work, 'repeated-back.jsonl');
    await dumpGraph(copy.store, back, { pageSize: 1 });
    expect(contentOf(back)).toEqual(contentOf(repeated));
    expect(contentOf(back).filter((l) => l.includes('"source":"repeat"'))).toHaveLength(5);
  });

  it('refuses a store that is not empty, and leaves it as it was', async () => {
    const before = readFileSync(sourceDump, 'utf8');
    await expect(restoreGraph(source.store, sourceDump)).rejects.toThrow(RestoreRefused);
    await expect(restoreGraph(source.store, sourceDump)).rejects.toThrow(/the store is not empty \(it holds \d+ District, .*nodes\); restore writes only into an empty store/);
    const check = path.join(work, 'still-source.jsonl');
    await dumpGraph(source.store, check, { now: new Date('2025-05-14T12:00:00Z') });
    expect(readFileSync(check, 'utf8')).toBe(before);
  });

  const badFiles: [string, () => string, RegExp][] = [
    ['an empty file', () => '', /^line 1: the file is empty/],
    ['another format', () => ['{"format":"neo4j-dump","version":1}', ...dumpLines().slice(1)].join('\n'), /^line 1: not a Yulian dump/],
    ['a newer version', () => [dumpLines()[0]?.replace('"version":1', '"version":2'), ...dumpLines().slice(1)].join('\n'), /^line 1: dump version 2 cannot be read/],
    ['a corrupt line', () => dumpLines().map((l, i) => (i === 9 ? l.slice(0, 25) : l)).join('\n'), /^line 10: not a complete JSON object/],
    ['a truncated file', () => dumpLines().slice(0, -5).join('\n'), /^line \d+: the file ends after line \d+ with \d+ \w+ relationships, the header promises \d+: it is truncated/],
    [
      'an unknown property',
      () => dumpLines().map((l, i) => (i === 20 ? l.replace('"props":{', l.includes('"props":{}') ? '"props":{"colour":"red"' : '"props":{"colour":"red",') : l)).join('\n'),
      /^line 21: .* has no property "colour"/,
    ],
    ['a wrong type', () => dumpLines().map((l, i) => (i === 1 ? l.replace(/"lat":[\d.]+/, '"lat":"north"') : l)).join('\n'), /^line 2: .*lat is not a number/],
    [
      'a relationship to a node the dump lacks',
      () => dumpLines().map((l, i, all) => (i === all.length - 1 ? l.replace(/"key":"([^"]+)"\},"props"/, '"key":"no-such-node"},"props"') : l)).join('\n'),
      /refers to \w+ "no-such-node", which the dump does not hold/,
    ],
  ];

  it.each(badFiles)('refuses %s, naming the line, and writes nothing', async (_what, make, message) => {
    const file = path.join(work, `bad-${_what.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(file, make());
    const target = await emptyStore();
    const failure = restoreGraph(target.store, file);
    await expect(failure).rejects.toThrow(DumpLineError);
    await expect(restoreGraph(target.store, file)).rejects.toThrow(message);
    const counts = await target.store.read(queries.countNodes());
    expect(counts.every((c) => c.total === 0)).toBe(true);
    const leftovers = path.join(work, `after-${_what.replace(/\W+/g, '-')}.jsonl`);
    await dumpGraph(target.store, leftovers);
    expect(readFileSync(leftovers, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it('empties the store again when a write fails halfway', async () => {
    const target = await emptyStore();
    let writes = 0;
    // The store as restore sees it, but its 40th transaction fails as a full disk would.
    const real = target.store;
    const failing: GraphStore = {
      kind: real.kind,
      dialect: real.dialect,
      ensureSchema: () => real.ensureSchema(),
      read: (query) => real.read(query),
      write: (work) => (++writes === 40 ? Promise.reject(new Error('No space left on device')) : real.write(work)),
      ping: () => real.ping(),
      close: () => real.close(),
    };
    await expect(restoreGraph(failing, sourceDump, { batchSize: 5 })).rejects.toThrow(/restore failed, and the store is empty again: No space left on device/);
    const leftovers = path.join(work, 'after-failed-write.jsonl');
    await dumpGraph(target.store, leftovers);
    expect(readFileSync(leftovers, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});
