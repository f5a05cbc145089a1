import type { CapabilitySeed, FirmSeed, NeedSeed, SeedDataset } from '@yulian/seed';
import { Prng } from '../../../seed/src/synthetic/prng';
import type { BenchUser } from './load-server';
import type { Targets } from './analysis-setup';

/**
 * Who the load benchmark's clients are and what they ask: firm staff (their own firm's orders,
 * needs, capabilities and record, plus searches) and district bureaus (gaps, suppliers, firms of
 * their district). Every choice comes from a seeded generator, so two runs send the same mix.
 */

export type OperationKind = 'read' | 'write';

export interface Operation {
  name: string;
  kind: OperationKind;
  query: string;
  variables: Record<string, unknown>;
}

export interface Client {
  user: BenchUser;
  /** The next operation this client sends. */
  next(): Operation;
}


const FIND_SUPPLIERS = `query FindSuppliers($segmentCode: String!, $nearFirmId: ID) {
  findSuppliers(segmentCode: $segmentCode, nearFirmId: $nearFirmId, year: 2024, first: 10) {
    firm { id nameZh } score distanceKm spareCapacity reasons
  }
}`;
const CHAIN_GAPS = `query Gaps($leaderId: ID!) {
  chainGaps(leaderId: $leaderId, year: 2024) { segment { code } localShare purchasedCny candidates(first: 3) { firm { id } score } }
}`;
const FIRMS_SEARCH = `query Firms($search: String!) {
  firms(filter: { search: $search }, first: 20) { totalCount edges { node { id nameZh district { code } isChainLeader } } }
}`;
const FIRM_WITH_ORDERS = `query Firm($id: ID!) {
  firm(id: $id) {
    id nameZh nameEn district { code } capabilities { segment { code } capacity } needs { segment { code } }
    orders(first: 20) { totalCount edges { node { id year kind amountCny supplier { id } buyer { id } segment { code } } } }
  }
}`;
const CLUSTER_GRAPH = `query Cluster($leaderId: ID!) {
  clusterGraph(filter: { leaderId: $leaderId, tiers: 2, year: 2024 }) { nodes { id kind label } edges { id source target kind amountCny } }
}`;
const RECORD_ORDER = `mutation Record($input: OrderInput!) { recordOrder(input: $input) { id } }`;
const SET_NEED = `mutation Need($input: NeedInput!) { setNeed(input: $input) { id } }`;
const SET_CAPABILITY = `mutation Capability($input: CapabilityInput!) { setCapability(input: $input) { id } }`;
const UPSERT_FIRM = `mutation Firm($input: FirmInput!) { upsertFirm(input: $input) { id } }`;

interface Trade {
  buyerId: string;
  segmentCode: string;
  kind: 'SUPPLY' | 'SCRAP_RETURN';
}

/** What a firm's staff know about their own firm. */
interface FirmBook {
  firm: FirmSeed;
  trades: Trade[];
  capabilities: CapabilitySeed[];
  needs: NeedSeed[];
}

type Weighted = readonly [weight: number, make: () => Operation];

function chooser(random: Prng, weighted: readonly Weighted[]): () => Operation {
  const total = weighted.reduce((sum, [w]) => sum + w, 0);
  return () => {
    let roll = random.next() * total;
    for (const [weight, make] of weighted) {
      roll -= weight;
      if (roll < 0) return make();
    }
    return (weighted.at(-1) as Weighted)[1]();
  };
}

/** Two characters of a name: what someone types into the search box. */
function searchTerm(random: Prng, firms: readonly FirmSeed[]): string {
  const name = random.pick(firms).nameZh;
  const start = Math.floor(random.next() * Math.max(1, name.length - 2));
  return name.slice(start, start + 2);
}

const reads = (random: Prng, data: SeedDataset, targets: Targets) => ({
  findSuppliers: (): Operation => {
    const search = random.pick(targets.supplierSearches);
    return { name: 'findSuppliers', kind: 'read', query: FIND_SUPPLIERS, variables: search };
  },
  firmsSearch: (): Operation => ({ name: 'firms(search)', kind: 'read', query: FIRMS_SEARCH, variables: { search: searchTerm(random, data.firms) } }),
  clusterGraph: (): Operation => ({ name: 'clusterGraph(leader, 2 tiers)', kind: 'read', query: CLUSTER_GRAPH, variables: { leaderId: random.pick(targets.busyLeaders) } }),
});

function firmClient(book: FirmBook, user: BenchUser, random: Prng, data: SeedDataset, targets: Targets): Client {
  const common = reads(random, data, targets);
  const firm = book.firm;
  const writes = firmWrites(book, random);
  const next = chooser(random, [
    [20, common.findSuppliers],
    [20, common.firmsSearch],
    [25, () => ({ name: 'firm with orders', kind: 'read', query: FIRM_WITH_ORDERS, variables: { id: firm.id } })],
    [8, common.clusterGraph],
    [10, writes.recordOrder],
    [3, writes.setNeed],
    [3, writes.setCapability],
    [3, writes.upsertFirm],
  ]);
  return { user, next };
}

/** The writes a firm's staff make to their own firm: the same mutations the web app's firm page sends. */
export function firmWrites(book: FirmBook, random: Prng) {
  const firm = book.firm;
  let edits = 0;
  return {
    recordOrder: (): Operation => {
      const trade = random.pick(book.trades);
      const input = {
        kind: trade.kind, supplierId: firm.id, buyerId: trade.buyerId, segmentCode: trade.segmentCode, year: 2025,
        amountCny: Math.round(10_000 + random.next() * 2_000_000),
      };
      return { name: 'recordOrder', kind: 'write', query: RECORD_ORDER, variables: { input } };
    },
    setNeed: (): Operation => {
      const need = book.needs.length > 0 ? random.pick(book.needs) : null;
      const segmentCode = need?.segmentCode ?? random.pick(book.trades).segmentCode;
      const input = { firmId: firm.id, segmentCode, annualDemand: Math.round(100 + random.next() * 10_000), unit: need?.unit ?? null };
      return { name: 'setNeed', kind: 'write', query: SET_NEED, variables: { input } };
    },
    setCapability: (): Operation => {
      const cap = book.capabilities.length > 0 ? random.pick(book.capabilities) : null;
      const input = {
        firmId: firm.id, segmentCode: cap?.segmentCode ?? random.pick(book.trades).segmentCode,
        capacity: cap?.capacity ?? 1000, unit: cap?.unit ?? null, utilisation: Math.round(random.next() * 100) / 100, yieldRate: cap?.yieldRate ?? null,
      };
      return { name: 'setCapability', kind: 'write', query: SET_CAPABILITY, variables: { input } };
    },
    upsertFirm: (): Operation => {
      // Everything as it is (a save sends the whole form), with a new note.
      const input = {
        id: firm.id, nameZh: firm.nameZh, nameEn: firm.nameEn, shortNameZh: firm.shortNameZh, shortNameEn: firm.shortNameEn,
        districtCode: firm.districtCode, isChainLeader: firm.isChainLeader, isOem: firm.isOem, isRecycler: firm.isRecycler,
        outputCny: firm.outputCny, outputYear: firm.outputYear, yieldRate: firm.yieldRate, certifications: firm.certifications,
        lat: firm.lat, lng: firm.lng, notes: `拜访记录 ${++edits}`,
      };
      return { name: 'upsertFirm', kind: 'write', query: UPSERT_FIRM, variables: { input } };
    },
  };
}

function bureauClient(user: BenchUser, districtFirms: readonly FirmSeed[], leaders: readonly string[], random: Prng, data: SeedDataset, targets: Targets): Client {
  const common = reads(random, data, targets);
  const next = chooser(random, [
    [30, () => ({ name: 'chainGaps(leader)', kind: 'read', query: CHAIN_GAPS, variables: { leaderId: random.pick(leaders) } })],
    [25, common.findSuppliers],
    [15, common.firmsSearch],
    [20, () => ({ name: 'firm with orders', kind: 'read', query: FIRM_WITH_ORDERS, variables: { id: random.pick(districtFirms).id } })],
    [10, common.clusterGraph],
  ]);
  return { user, next };
}

/** Each firm's trades as supplier, capabilities and needs, from the dataset the store was loaded with. */
function firmBooks(data: SeedDataset): Map<string, FirmBook> {
  const books = new Map<string, FirmBook>(data.firms.map((firm) => [firm.id, { firm, trades: [], capabilities: [], needs: [] }]));
  const seen = new Set<string>();
  for (const o of data.orders) {
    const key = `${o.supplierId}\u0000${o.buyerId}\u0000${o.segmentCode}\u0000${o.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    books.get(o.supplierId)?.trades.push({ buyerId: o.buyerId, segmentCode: o.segmentCode, kind: o.kind });
  }
  for (const c of data.capabilities) books.get(c.firmId)?.capabilities.push(c);
  for (const n of data.needs) books.get(n.firmId)?.needs.push(n);
  return books;
}

export interface Workload {
  users: BenchUser[];
  clients: Client[];
  /** A firm's staff alone, writing: the single-client write rate. */
  soloWriter: Client;
}

/**
 * `firmClients` firms that sell (spread over all sellers, not only the busiest) and `bureauClients`
 * bureaus of western districts with chain leaders. Passwords are random per run.
 */
export function buildWorkload(data: SeedDataset, targets: Targets, { firmClients, bureauClients, seed }: { firmClients: number; bureauClients: number; seed: number }): Workload {
  const random = new Prng(seed);
  const books = firmBooks(data);
  const sellers = [...books.values()].filter((b) => b.trades.length >= 2).sort((a, b) => (a.firm.id < b.firm.id ? -1 : 1));
  if (sellers.length < firmClients + 1) throw new Error(`only ${sellers.length} firms sell; the workload wants ${firmClients + 1}`);
  const step = sellers.length / (firmClients + 1);
  const chosen = Array.from({ length: firmClients + 1 }, (_, i) => sellers[Math.floor(i * step)] as FirmBook);
  const password = () => `bench-${Math.floor(random.next() * 1e12).toString(36)}-${Math.floor(random.next() * 1e12).toString(36)}`;
  const firmUser = (book: FirmBook): BenchUser => ({ username: `bench-${book.firm.id}`.toLowerCase().slice(0, 40), password: password(), role: 'FIRM', districtCode: null, firmId: book.firm.id });

  const leadersByDistrict = new Map<string, string[]>();
  for (const f of data.firms) if (f.isChainLeader) leadersByDistrict.set(f.districtCode, [...(leadersByDistrict.get(f.districtCode) ?? []), f.id]);
  const districts = targets.westernDistricts.filter((d) => (leadersByDistrict.get(d)?.length ?? 0) > 0);
  if (districts.length === 0) throw new Error('no western district has a chain leader');

  const clients: Client[] = [];
  const users: BenchUser[] = [];
  for (const book of chosen.slice(1)) {
    const user = firmUser(book);
    users.push(user);
    clients.push(firmClient(book, user, new Prng(random.next() * 2 ** 32), data, targets));
  }
  for (let i = 0; i < bureauClients; i++) {
    const district = districts[i % districts.length] as string;
    const user: BenchUser = { username: `bench-bureau-${i}`, password: password(), role: 'BUREAU', districtCode: district, firmId: null };
    users.push(user);
    const districtFirms = data.firms.filter((f) => f.districtCode === district);
    clients.push(bureauClient(user, districtFirms, leadersByDistrict.get(district) as string[], new Prng(random.next() * 2 ** 32), data, targets));
  }
  const soloBook = chosen[0] as FirmBook;
  const soloUser = firmUser(soloBook);
  users.push(soloUser);
  const soloWrites = firmWrites(soloBook, new Prng(random.next() * 2 ** 32));
  const soloNext = chooser(new Prng(random.next() * 2 ** 32), [
    [10, soloWrites.recordOrder],
    [3, soloWrites.setNeed],
    [3, soloWrites.setCapability],
    [3, soloWrites.upsertFirm],
  ]);
  return { users, clients, soloWriter: { user: soloUser, next: soloNext } };
}
