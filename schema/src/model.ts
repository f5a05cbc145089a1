/**
 * The graph model as data. Both stores' DDL, the Neo4j lint schema and the seed loader's
 * property lists are derived from this one description, so a property added here exists
 * everywhere at once.
 */

export type PropertyType = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'STRING[]';

export interface PropertySpec {
  readonly type: PropertyType;
  /** Looked up by equality often enough to deserve an index in Neo4j. */
  readonly indexed?: boolean;
  /** Unique besides the key: Neo4j gets a constraint; the embedded store serialises writes, so the check-then-create is safe there. */
  readonly unique?: boolean;
  /**
   * Added after stores holding the label were made: the embedded engine adds the column to an
   * older store's table when it opens (ALTER TABLE … ADD IF NOT EXISTS; a fresh table has it
   * already). Neo4j needs nothing. Records written before have no value (null) for it.
   */
  readonly added?: boolean;
}

export interface NodeSpec {
  readonly label: string;
  readonly key: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

export interface RelSpec {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /**
   * Kept by the store from other data (server/src/store/trade-links.ts), in the same transaction
   * as the writes it follows: never written on its own, left out of dumps and rebuilt on restore.
   */
  readonly derived?: true;
}

const str = { type: 'STRING' } as const;
const int = { type: 'INT64' } as const;
const dbl = { type: 'DOUBLE' } as const;
const bool = { type: 'BOOLEAN' } as const;
const strList = { type: 'STRING[]' } as const;
const indexedStr = { type: 'STRING', indexed: true } as const;
const indexedInt = { type: 'INT64', indexed: true } as const;
const indexedBool = { type: 'BOOLEAN', indexed: true } as const;

export const nodes = {
  District: {
    label: 'District',
    key: 'code',
    properties: {
      code: str,
      nameZh: str,
      nameEn: str,
      /** One of the eight western districts (渝西八区). */
      inRegion: bool,
      /** district | city | zone: Guang'an is a prefecture-level city, Liangjiang a functional zone. */
      level: str,
      province: str,
      lat: dbl,
      lng: dbl,
    },
  },
  Segment: {
    label: 'Segment',
    key: 'code',
    properties: {
      code: str,
      nameZh: str,
      nameEn: str,
    },
  },
  Firm: {
    label: 'Firm',
    key: 'id',
    properties: {
      id: str,
      nameZh: indexedStr,
      nameEn: str,
      shortNameZh: str,
      shortNameEn: str,
      /** 统一社会信用代码, when known. */
      creditCode: indexedStr,
      // Region-wide analyses start from the few hundred chain leaders: Neo4j seeks them instead of scanning every firm.
      isChainLeader: indexedBool,
      isOem: bool,
      isRecycler: bool,
      outputCny: dbl,
      outputYear: int,
      yieldRate: dbl,
      certifications: strList,
      lat: dbl,
      lng: dbl,
      synthetic: bool,
      source: str,
      notes: str,
      updatedAt: str,
    },
  },
  /** An order between two firms. The label is not `Order`: ORDER is reserved in the embedded engine's Cypher. */
  TradeOrder: {
    label: 'TradeOrder',
    key: 'id',
    properties: {
      id: str,
      kind: indexedStr,
      year: indexedInt,
      amountCny: dbl,
      quantity: dbl,
      unit: str,
      status: str,
      synthetic: bool,
      source: str,
      updatedAt: str,
    },
  },
  Goal: {
    label: 'Goal',
    key: 'id',
    properties: {
      id: str,
      year: int,
      projects: int,
      agreementCny: dbl,
      outputCny: dbl,
      source: str,
    },
  },
  /**
   * An investment-promotion target (招商目标): a firm or project a district pursues for a segment.
   * `stage` is the current stage; how it got there is in its TargetEvent nodes.
   */
  Target: {
    label: 'Target',
    key: 'id',
    properties: {
      id: str,
      name: str,
      stage: indexedStr,
      agreementCny: dbl,
      investmentCny: dbl,
      fundsInPlaceCny: dbl,
      expectedOutputCny: dbl,
      /** The officer responsible (责任人). */
      owner: str,
      contact: str,
      notes: str,
      /** Why it was dropped; set only in stage DROPPED. */
      dropReason: str,
      createdAt: str,
      updatedAt: str,
      synthetic: bool,
      source: str,
    },
  },
  /**
   * One entry of a target's history. Entries are nodes, not a list property on the target: each
   * change CREATEs one, so two writers never overwrite each other's entries, both stores handle it
   * without JSON in a property, and the monthly progress reads timestamps with plain Cypher.
   */
  TargetEvent: {
    label: 'TargetEvent',
    key: 'id',
    properties: {
      id: str,
      stage: str,
      /** The stage before; null for the entry that created the target. */
      fromStage: str,
      at: indexedStr,
      /** Username of who made the change ("seed" for the seed data). Not `by`: BY is a Cypher keyword. */
      actor: str,
      note: str,
      reason: str,
    },
  },
  /**
   * An introduction (供需对接): a buyer, a would-be supplier and a segment, followed from the proposal
   * to supply. `stage` is the current stage; how it got there is in its IntroductionEvent nodes, and
   * what the supplier must reach and the steps it takes are its plan (goal* and PlanStep nodes).
   */
  Introduction: {
    label: 'Introduction',
    key: 'id',
    properties: {
      id: str,
      stage: indexedStr,
      /** GAP | NEED | SEARCH | MANUAL: where the match was found. */
      origin: str,
      /** The year of the gap or need it answers. */
      year: int,
      note: str,
      /** Set only in stage DECLINED: QUALITY | PRICE | CAPACITY | DISTANCE | OTHER, and its words. */
      declineReason: str,
      declineNote: str,
      /** Username and role of who proposed it. */
      proposedBy: str,
      proposedByRole: str,
      /** What the supplier must reach: copied from the buyer's need when proposed, then the parties' to keep. */
      goalYieldRate: dbl,
      goalCertifications: strList,
      goalAnnualVolume: dbl,
      goalUnit: str,
      goalBy: str,
      createdAt: str,
      updatedAt: str,
      synthetic: bool,
      source: str,
    },
  },
  /** One entry of an introduction's history; nodes for the reasons TargetEvent gives. Also what the inbox reads. */
  IntroductionEvent: {
    label: 'IntroductionEvent',
    key: 'id',
    properties: {
      id: str,
      stage: str,
      /** The stage before; null for the entry that proposed the introduction. */
      fromStage: str,
      at: indexedStr,
      actor: str,
      actorRole: str,
      note: str,
      reason: str,
      /** An event that changed the plan, not the stage. */
      planChange: bool,
    },
  },
  /** One step of an introduction's improvement plan: an investment, equipment, mentoring by a chain leader. */
  PlanStep: {
    label: 'PlanStep',
    key: 'id',
    properties: {
      id: str,
      /** Its place in the plan, from 0. */
      position: int,
      kind: str,
      description: str,
      amountCny: dbl,
      dueOn: str,
      doneOn: str,
    },
  },
  /** A person who signs in. Roles and scope are properties: the embedded engine has one label per node. */
  User: {
    label: 'User',
    key: 'id',
    properties: {
      id: str,
      username: { type: 'STRING', unique: true },
      displayName: str,
      /** scrypt$N$r$p$salt$hash — never returned by the API. */
      passwordHash: str,
      role: str,
      /** The district a BUREAU or INVESTMENT user works for. */
      districtCode: str,
      /** The firm a FIRM user works for. */
      firmId: str,
      disabled: bool,
      /**
       * Unused since sign-in delays are kept in memory (server/src/auth/sign-in-throttle.ts); kept
       * so that dumps made before still restore.
       */
      failedLogins: int,
      lockedUntil: str,
      createdAt: str,
      updatedAt: str,
      /** The time of the last inbox entry the user has read: later ones are unread. */
      inboxReadAt: { type: 'STRING', added: true },
    },
  },
  /** A signed-in session. Only a hash of the token is stored, so a stolen database cannot sign in. */
  Session: {
    label: 'Session',
    key: 'id',
    properties: {
      id: str,
      userId: indexedStr,
      createdAt: str,
      expiresAt: str,
    },
  },
  /** One entry of the append-only audit log: who changed what, when, from what to what. */
  AuditEvent: {
    label: 'AuditEvent',
    key: 'id',
    properties: {
      id: str,
      at: indexedStr,
      actorId: str,
      actorName: str,
      actorRole: str,
      action: str,
      entityType: str,
      entityId: indexedStr,
      /** JSON of the entity before the change; null when it was created. */
      before: str,
      /** JSON of the entity after the change; null when it was deleted. */
      after: str,
      /**
       * The districts the change concerns, as they were then (a firm's, before and after; both
       * parties' of an order or support tie; a target's or goal's): whose bureau reads the event.
       * Empty for accounts and imports (admins only); null on events written before it existed.
       */
      districts: { type: 'STRING[]', added: true },
    },
  },
} as const satisfies Record<string, NodeSpec>;

export const relationships = {
  LOCATED_IN: { type: 'LOCATED_IN', from: 'Firm', to: 'District', properties: {} },
  PART_OF: { type: 'PART_OF', from: 'Segment', to: 'Segment', properties: {} },
  FEEDS: { type: 'FEEDS', from: 'Segment', to: 'Segment', properties: {} },
  MAKES: {
    type: 'MAKES',
    from: 'Firm',
    to: 'Segment',
    properties: {
      capacity: dbl,
      unit: str,
      utilisation: dbl,
      yieldRate: dbl,
      source: str,
    },
  },
  NEEDS: {
    type: 'NEEDS',
    from: 'Firm',
    to: 'Segment',
    properties: {
      /** Yearly volume the firm buys, in `unit`: also its volume requirement of a supplier. */
      annualDemand: dbl,
      unit: str,
      source: str,
      /**
       * What a supplier must meet (analysis/requirements.ts checks each candidate against them):
       * the lowest acceptable yield (0–1), the certificates it must hold, and the day by which
       * supply must start (YYYY-MM-DD). Null (or an empty list) where the buyer states none.
       */
      minYieldRate: { type: 'DOUBLE', added: true },
      requiredCertifications: { type: 'STRING[]', added: true },
      latestStart: { type: 'STRING', added: true },
    },
  },
  SHIPS: { type: 'SHIPS', from: 'Firm', to: 'TradeOrder', properties: {} },
  TO: { type: 'TO', from: 'TradeOrder', to: 'Firm', properties: {} },
  OF: { type: 'OF', from: 'TradeOrder', to: 'Segment', properties: {} },
  /**
   * The orders of one year, kind and segment between two firms, summed: what every chain analysis
   * reads instead of the orders themselves. On the embedded engine a query over orders scans every
   * order of the store however few it keeps, while a chain leader has a few dozen of these links.
   * `amountCny` and `liveOrders` leave cancelled orders out; `orders` counts them too (a firm whose
   * only order was cancelled is still a current supplier, not a candidate).
   */
  TRADED: {
    type: 'TRADED',
    from: 'Firm',
    to: 'Firm',
    // Region-wide analyses read one year's links of the whole cluster: Neo4j seeks them by year.
    properties: { year: indexedInt, kind: str, segment: str, amountCny: dbl, orders: int, liveOrders: int },
    derived: true,
  },
  SUPPORTS: {
    type: 'SUPPORTS',
    from: 'Firm',
    to: 'Firm',
    properties: { kinds: strList, since: str, source: str, synthetic: bool },
  },
  GOAL_OF: { type: 'GOAL_OF', from: 'Goal', to: 'District', properties: {} },
  /** The district pursuing the target: its investment team, bureau and admins manage it. */
  TARGET_IN: { type: 'TARGET_IN', from: 'Target', to: 'District', properties: {} },
  /** The segment (gap) the target would close or extend. */
  TARGET_FOR: { type: 'TARGET_FOR', from: 'Target', to: 'Segment', properties: {} },
  /** The firm pursued, when it is a known firm (often outside the region). */
  TARGET_FIRM: { type: 'TARGET_FIRM', from: 'Target', to: 'Firm', properties: {} },
  /** The chain leader whose gap the target came from, when it came from one. */
  TARGET_LEADER: { type: 'TARGET_LEADER', from: 'Target', to: 'Firm', properties: {} },
  EVENT_OF: { type: 'EVENT_OF', from: 'TargetEvent', to: 'Target', properties: {} },
  INTRO_BUYER: { type: 'INTRO_BUYER', from: 'Introduction', to: 'Firm', properties: {} },
  INTRO_SUPPLIER: { type: 'INTRO_SUPPLIER', from: 'Introduction', to: 'Firm', properties: {} },
  INTRO_FOR: { type: 'INTRO_FOR', from: 'Introduction', to: 'Segment', properties: {} },
  INTRO_EVENT_OF: { type: 'INTRO_EVENT_OF', from: 'IntroductionEvent', to: 'Introduction', properties: {} },
  STEP_OF: { type: 'STEP_OF', from: 'PlanStep', to: 'Introduction', properties: {} },
  /** The firm (often a chain leader) that mentors the supplier in this step. */
  STEP_MENTOR: { type: 'STEP_MENTOR', from: 'PlanStep', to: 'Firm', properties: {} },
} as const satisfies Record<string, RelSpec>;

export type NodeLabel = keyof typeof nodes;
export type RelType = keyof typeof relationships;

export const nodeSpecs: readonly NodeSpec[] = Object.values(nodes);
export const relSpecs: readonly RelSpec[] = Object.values(relationships);

/** Every property key used anywhere in the model, for the Neo4j lint schema. */
export function allPropertyKeys(): string[] {
  const keys = new Set<string>();
  for (const spec of [...nodeSpecs, ...relSpecs]) {
    for (const key of Object.keys(spec.properties)) keys.add(key);
  }
  return [...keys].sort();
}
