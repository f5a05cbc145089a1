import { TARGET_PROGRESSION } from '@yulian/schema';
import type { OrderFields } from '../../../server/src/commands/orders';
import { keyOf, type Effect, type Fields, type Ledger } from './ledger';
import { chinese, creditCode, latin, MAX } from './texts';

/**
 * Every kind of write a user can make, over the real API: GraphQL mutations and REST imports,
 * each with the values it leaves in the store (its effects) and the entity ids its audit event
 * may be filed under. Texts are at their largest allowed size; ids carry the lane's prefix so a
 * lane's entities never meet another's.
 */

export interface GraphqlWrite {
  type: 'graphql';
  label: string;
  query: string;
  variables: Record<string, unknown>;
  effects: Effect[];
  auditIds: string[];
  /** A create whose id comes with the answer (upsertTarget without id). */
  fromAnswer?: (data: Record<string, unknown>) => { effects: Effect[]; auditIds: string[] } | null;
}

export type ImportKind = 'orders' | 'firms' | 'supports';

export interface ImportWrite {
  type: 'import';
  label: string;
  kind: ImportKind;
  file: string;
  records: Record<string, unknown>[];
  effects: Effect[];
  auditIds: string[];
}

export type Write = GraphqlWrite | ImportWrite;

/** Seed firms of the article (seed/src/article.ts) that orders may join; shunbo is its recycler. */
const SEED_FIRMS = ['anrui', 'aofang', 'jianya', 'yian', 'ruitong', 'pingwei', 'tianchiyu', 'changan', 'seres', 'syn-dazu-casting'];
const RECYCLER = 'shunbo';
const SEGMENTS = ['AL_DIE_CASTING', 'AL_EXTRUSION', 'IRON_CASTING', 'FORGING', 'GEAR', 'BEARING', 'STAMPED_WELDED', 'SURFACE_TREATMENT', 'BRAKE_DRUM'];
const DISTRICTS = ['500117', '500118', '500116', '500120', '500151', '500152', '500153', '500111'];
const STATUSES = ['EXPECTED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;

const UPSERT_FIRM = 'mutation W($input: FirmInput!) { upsertFirm(input: $input) { id } }';
const SET_CAPABILITY = 'mutation W($input: CapabilityInput!) { setCapability(input: $input) { id } }';
const SET_NEED = 'mutation W($input: NeedInput!) { setNeed(input: $input) { id } }';
const REMOVE_NEED = 'mutation W($firmId: ID!, $segmentCode: String!) { removeNeed(firmId: $firmId, segmentCode: $segmentCode) { id } }';
const RECORD_ORDER = 'mutation W($input: OrderInput!) { recordOrder(input: $input) { id } }';
const DELETE_ORDER = 'mutation W($id: ID!) { deleteOrder(id: $id) }';
const UPSERT_TARGET = 'mutation W($input: TargetInput!) { upsertTarget(input: $input) { id } }';
const MOVE_TARGET =
  'mutation W($id: ID!, $stage: TargetStage!, $note: String, $agreementCny: Float) { moveTarget(id: $id, stage: $stage, note: $note, agreementCny: $agreementCny) { id } }';
const SET_GOAL =
  'mutation W($d: String!, $y: Int!, $p: Int!, $a: Float!, $o: Float) { setGoal(districtCode: $d, year: $y, projects: $p, agreementCny: $a, outputCny: $o) { id } }';

export class WriteMaker {
  private n = 0;

  constructor(
    private readonly random: () => number,
    private readonly prefix: string,
    private readonly ledger: Ledger,
  ) {}

  /** A write of a kind picked at random among those possible now. */
  any(): Write {
    const options: (() => Write | null)[] = [
      () => this.upsertFirm(),
      () => this.updateFirm(),
      () => this.setCapability(),
      () => this.setNeed(),
      () => this.removeNeed(),
      () => this.recordOrder('SUPPLY'),
      () => this.recordOrder('SCRAP_RETURN'),
      () => this.replaceOrder(),
      () => this.deleteOrder(),
      () => this.createTarget(),
      () => this.updateTarget(),
      () => this.moveTarget(),
      () => this.setGoal(),
    ];
    for (let tries = 0; tries < 20; tries++) {
      const write = this.pick(options)();
      if (write) return write;
    }
    return this.upsertFirm();
  }

  /** An import of a kind picked at random. */
  anyImport(): ImportWrite {
    const pick = this.random();
    if (pick < 0.6) return this.importOrders(5 + Math.floor(this.random() * 60));
    if (pick < 0.85 || this.ledger.existing('firm').length === 0) return this.importFirms(1 + Math.floor(this.random() * 4));
    return this.importSupports() ?? this.importOrders(10);
  }

  upsertFirm(): GraphqlWrite {
    const input = this.firmInput(this.id('f'));
    return this.graphql('upsertFirm', UPSERT_FIRM, { input }, [{ key: keyOf('firm', input.id), value: firmValue(input) }], [input.id]);
  }

  /** A new note, at the largest size, on a firm the matrix made: the write issue 13 saw brick a store. */
  private updateFirm(): GraphqlWrite | null {
    const [key, value] = this.pick(this.ledger.existing('firm', { writable: true })) ?? [];
    if (!key || !value) return null;
    const id = key.slice('firm:'.length);
    const input = { ...inputOfFirm(id, value), notes: chinese(this.random, MAX.notes) };
    return this.graphql('upsertFirm', UPSERT_FIRM, { input }, [{ key, value: firmValue(input) }], [id]);
  }

  private setCapability(): GraphqlWrite | null {
    const firmId = this.ownFirm();
    if (!firmId) return null;
    const segmentCode = this.pick(SEGMENTS);
    const value = { capacity: this.amount(1e6), unit: latin(this.random, MAX.unit), utilisation: this.rate(), yieldRate: this.rate() };
    return this.graphql('setCapability', SET_CAPABILITY, { input: { firmId, segmentCode, ...value } }, [{ key: keyOf('capability', `${firmId}|${segmentCode}`), value }], [firmId]);
  }

  private setNeed(): GraphqlWrite | null {
    const firmId = this.ownFirm();
    if (!firmId) return null;
    const segmentCode = this.pick(SEGMENTS);
    const value = { annualDemand: this.amount(1e6), unit: latin(this.random, MAX.unit) };
    return this.graphql('setNeed', SET_NEED, { input: { firmId, segmentCode, ...value } }, [{ key: keyOf('need', `${firmId}|${segmentCode}`), value }], [firmId]);
  }

  private removeNeed(): GraphqlWrite | null {
    const [key] = this.pick(this.ledger.existing('need', { writable: true })) ?? [];
    if (!key) return null;
    const [firmId = '', segmentCode = ''] = key.slice('need:'.length).split('|');
    return this.graphql('removeNeed', REMOVE_NEED, { firmId, segmentCode }, [{ key, value: null }], [firmId]);
  }

  private recordOrder(kind: 'SUPPLY' | 'SCRAP_RETURN'): GraphqlWrite {
    const input = this.orderInput(this.id('o'), kind);
    return this.graphql(`recordOrder ${kind}`, RECORD_ORDER, { input }, [{ key: keyOf('order', input.id), value: orderValue(input) }], [input.id]);
  }

  /** The same order again with another amount, status or supplier: links must follow the move. */
  private replaceOrder(): GraphqlWrite | null {
    const [key, value] = this.pick(this.ledger.existing('order', { writable: true })) ?? [];
    if (!key || !value || value.kind !== 'SUPPLY') return null;
    const id = key.slice('order:'.length);
    const input = { ...this.orderInput(id, 'SUPPLY'), buyerId: String(value.buyerId) };
    if (input.supplierId === input.buyerId) return null;
    return this.graphql('recordOrder replace', RECORD_ORDER, { input }, [{ key, value: orderValue(input) }], [id]);
  }

  private deleteOrder(): GraphqlWrite | null {
    const [key] = this.pick(this.ledger.existing('order', { writable: true })) ?? [];
    if (!key) return null;
    const id = key.slice('order:'.length);
    return this.graphql('deleteOrder', DELETE_ORDER, { id }, [{ key, value: null }], [id]);
  }

  private createTarget(): GraphqlWrite {
    const input = this.targetInput(null, this.pick(DISTRICTS), null);
    const value = targetValue(input, 'LEAD');
    const write = this.graphql('upsertTarget create', UPSERT_TARGET, { input }, [], []);
    write.fromAnswer = (data) => {
      const id = idIn(data, 'upsertTarget');
      return id ? { effects: [{ key: keyOf('target', id), value }], auditIds: [id] } : null;
    };
    return write;
  }

  private updateTarget(): GraphqlWrite | null {
    const [key, value] = this.pick(this.ledger.existing('target')) ?? [];
    if (!key || !value || value.stage === 'DROPPED') return null;
    const id = key.slice('target:'.length);
    const input = this.targetInput(id, String(value.districtCode), this.amount(1e9) + 1);
    return this.graphql('upsertTarget update', UPSERT_TARGET, { input }, [{ key, value: targetValue(input, String(value.stage)) }], [id]);
  }

  private moveTarget(): GraphqlWrite | null {
    const [key, value] = this.pick(this.ledger.existing('target')) ?? [];
    if (!key || !value) return null;
    const at = (TARGET_PROGRESSION as readonly string[]).indexOf(String(value.stage));
    const stage = at >= 0 ? TARGET_PROGRESSION[at + 1] : undefined;
    if (!stage) return null;
    const id = key.slice('target:'.length);
    const agreementCny = stage === 'SIGNED' && value.agreementCny === null ? this.amount(1e9) + 1 : null;
    const after = { ...value, stage, agreementCny: agreementCny ?? value.agreementCny ?? null };
    return this.graphql(`moveTarget ${stage}`, MOVE_TARGET, { id, stage, note: chinese(this.random, MAX.notes), agreementCny }, [{ key, value: after }], [id]);
  }

  private setGoal(): GraphqlWrite {
    const d = this.pick(DISTRICTS);
    const y = 2090 + Math.floor(this.random() * 10);
    const value = { projects: Math.floor(this.random() * 1000), agreementCny: this.amount(1e11), outputCny: this.amount(1e12) };
    return this.graphql('setGoal', SET_GOAL, { d, y, p: value.projects, a: value.agreementCny, o: value.outputCny }, [{ key: keyOf('goal', `${d}|${y}`), value }], [
      `goal-${d}-${y}`,
    ]);
  }

  importOrders(rows: number): ImportWrite {
    const records = Array.from({ length: rows }, (_, k) => {
      const input = this.orderInput(this.id('io'), k % 7 === 3 ? 'SCRAP_RETURN' : 'SUPPLY');
      return { ...input, quantity: input.quantity ?? '', unit: input.unit ?? '' };
    });
    const effects = records.map((r) => ({ key: keyOf('order', r.id), value: orderValue(r) }));
    return this.importOf('orders', records, effects, records.map((r) => r.id));
  }

  private importFirms(rows: number): ImportWrite {
    const inputs = Array.from({ length: rows }, () => this.firmInput(this.id('if')));
    const effects = inputs.map((f) => ({ key: keyOf('firm', f.id), value: firmValue(f) }));
    return this.importOf('firms', inputs, effects, inputs.map((f) => f.id));
  }

  /** Mentoring ties (no mutation writes them: the import is their only write path) from the matrix's firms to seed firms. */
  private importSupports(): ImportWrite | null {
    const firms = this.ledger.existing('firm').map(([key]) => key.slice('firm:'.length));
    const records = firms.slice(0, 5).map((from) => ({ fromFirmId: from, toFirmId: this.pick(SEED_FIRMS), kinds: ['TECHNOLOGY', 'ORDERS'], since: `20${20 + Math.floor(this.random() * 6)}-07` }));
    // Only ties never written before: an import that creates them is all there or not at all.
    const unique = [...new Map(records.map((r) => [`${r.fromFirmId}|${r.toFirmId}`, r])).values()].filter((r) => !this.ledger.tracks(keyOf('support', `${r.fromFirmId}|${r.toFirmId}`)));
    if (unique.length === 0) return null;
    const effects = unique.map((r) => ({ key: keyOf('support', `${r.fromFirmId}|${r.toFirmId}`), value: { kinds: r.kinds, since: r.since } }));
    return this.importOf('supports', unique, effects, unique.map((r) => r.fromFirmId));
  }

  private importOf(kind: ImportKind, records: Record<string, unknown>[], effects: Effect[], auditIds: string[]): ImportWrite {
    return { type: 'import', label: `import.${kind}`, kind, file: `${this.id('file')}.csv`, records, effects, auditIds };
  }

  private firmInput(id: string): FirmInputValue {
    const n = this.n;
    return {
      id,
      nameZh: chinese(this.random, MAX.name),
      nameEn: latin(this.random, MAX.name),
      shortNameZh: chinese(this.random, MAX.name),
      shortNameEn: latin(this.random, MAX.name),
      districtCode: this.pick(DISTRICTS),
      creditCode: creditCode(Math.floor(this.random() * 900_000) * 1000 + (n % 1000)),
      isChainLeader: false,
      isOem: false,
      isRecycler: this.random() < 0.2,
      outputCny: this.amount(1e10),
      outputYear: 2024,
      yieldRate: this.rate(),
      certifications: Array.from({ length: MAX.certifications }, (_, i) => `${i}${latin(this.random, MAX.certification - String(i).length)}`),
      lat: 29 + this.random(),
      lng: 105 + this.random(),
      notes: chinese(this.random, MAX.notes),
    };
  }

  private orderInput(id: string, kind: 'SUPPLY' | 'SCRAP_RETURN'): OrderFields {
    const supplierId = this.someFirm() ?? this.pick(SEED_FIRMS);
    let buyerId = kind === 'SCRAP_RETURN' ? RECYCLER : this.pick(SEED_FIRMS);
    if (buyerId === supplierId) buyerId = supplierId === 'anrui' ? 'changan' : 'anrui';
    return {
      id,
      kind,
      supplierId,
      buyerId,
      segmentCode: kind === 'SCRAP_RETURN' ? 'SCRAP_AL' : this.pick(SEGMENTS),
      year: 2024 + Math.floor(this.random() * 3),
      amountCny: this.amount(1e8),
      quantity: this.random() < 0.5 ? null : this.amount(1e5),
      unit: this.random() < 0.5 ? null : latin(this.random, MAX.unit),
      status: this.pick(STATUSES),
    };
  }

  private targetInput(id: string | null, districtCode: string, agreementCny: number | null): TargetInputValue {
    return {
      ...(id ? { id } : {}),
      name: chinese(this.random, MAX.name),
      districtCode,
      segmentCode: this.pick(SEGMENTS),
      agreementCny,
      owner: chinese(this.random, MAX.targetOwner),
      contact: chinese(this.random, MAX.targetContact),
      notes: chinese(this.random, MAX.notes),
    };
  }

  /** A firm the matrix made: a seed firm's capabilities and needs were not written by the matrix, so it cannot say what they hold. */
  private ownFirm(): string | null {
    const [key] = this.pick(this.ledger.existing('firm')) ?? [];
    return key ? key.slice('firm:'.length) : null;
  }

  /** A firm the matrix made (half the time, when there is one) or a seed firm. */
  private someFirm(): string | null {
    const ours = this.ledger.existing('firm');
    const [key] = (this.random() < 0.5 ? this.pick(ours) : undefined) ?? [];
    return key ? key.slice('firm:'.length) : this.pick(SEED_FIRMS);
  }

  private graphql(label: string, query: string, variables: Record<string, unknown>, effects: Effect[], auditIds: string[]): GraphqlWrite {
    return { type: 'graphql', label, query, variables, effects, auditIds };
  }

  private id(kind: string): string {
    return `${this.prefix}-${kind}${this.n++}`;
  }

  /** Money with cents, so that a sum in the links is not an accident of whole numbers. */
  private amount(max: number): number {
    return Math.round(this.random() * max * 100) / 100;
  }

  private rate(): number {
    return Math.round(this.random() * 1000) / 1000;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
}

type FirmInputValue = {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  districtCode: string;
  creditCode: string;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number;
  outputYear: number;
  yieldRate: number;
  certifications: string[];
  lat: number;
  lng: number;
  notes: string;
};


type TargetInputValue = {
  id?: string;
  name: string;
  districtCode: string;
  segmentCode: string;
  agreementCny: number | null;
  owner: string;
  contact: string;
  notes: string;
};

const FIRM_FIELDS = [
  'nameZh', 'nameEn', 'shortNameZh', 'shortNameEn', 'districtCode', 'creditCode', 'isChainLeader', 'isOem', 'isRecycler',
  'outputCny', 'outputYear', 'yieldRate', 'certifications', 'lat', 'lng', 'notes',
] as const;

function firmValue(input: FirmInputValue): Fields {
  return Object.fromEntries(FIRM_FIELDS.map((f) => [f, input[f]]));
}

function inputOfFirm(id: string, value: Fields): FirmInputValue {
  return { id, ...(value as Omit<FirmInputValue, 'id'>) };
}

function orderValue(o: Readonly<Record<string, unknown>>): Fields {
  const orNull = (v: unknown) => (v === '' || v === undefined ? null : v);
  return {
    kind: String(o.kind), supplierId: String(o.supplierId), buyerId: String(o.buyerId), segmentCode: String(o.segmentCode),
    year: Number(o.year), amountCny: Number(o.amountCny), quantity: orNull(o.quantity) as number | null, unit: orNull(o.unit) as string | null,
    status: String(o.status),
  };
}

function targetValue(input: TargetInputValue, stage: string): Fields {
  return {
    name: input.name, districtCode: input.districtCode, segmentCode: input.segmentCode, stage, agreementCny: input.agreementCny,
    owner: input.owner, contact: input.contact, notes: input.notes,
  };
}

function idIn(data: Record<string, unknown>, field: string): string | null {
  const entry = data[field];
  return typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string' ? entry.id : null;
}
