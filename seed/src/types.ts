import type { DeclineReason, DistrictLevel, IntroductionOrigin, IntroductionStage, OrderKind, OrderStatus, PlanStepKind, SupportKind, TargetStage } from '@yulian/schema';

/**
 * The shape of a dataset the loader writes into a store. Every record that states a fact from the
 * source article carries `source`: the sentence it comes from (Chinese, as printed). Records the
 * story needs but the article does not name are `synthetic: true` and say why in `source`.
 */

export interface DistrictSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  inRegion: boolean;
  level: DistrictLevel;
  province: string;
  lat: number;
  lng: number;
}

export interface SegmentSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Code of the parent segment in the tree, if any. */
  parent?: string;
}

export interface FeedSeed {
  /** Upstream segment code. */
  from: string;
  /** Downstream segment code. */
  to: string;
}

export interface FirmSeed {
  id: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  districtCode: string;
  isChainLeader: boolean;
  isOem: boolean;
  isRecycler: boolean;
  outputCny: number | null;
  outputYear: number | null;
  yieldRate: number | null;
  certifications: string[];
  /** Firm coordinates where known; null falls back to the district seat. */
  lat: number | null;
  lng: number | null;
  synthetic: boolean;
  source: string;
  notes: string | null;
}

export interface CapabilitySeed {
  firmId: string;
  segmentCode: string;
  capacity: number | null;
  unit: string | null;
  utilisation: number | null;
  yieldRate: number | null;
  source: string;
}

export interface NeedSeed {
  firmId: string;
  segmentCode: string;
  annualDemand: number | null;
  unit: string | null;
  source: string;
}

export interface OrderSeed {
  id: string;
  kind: OrderKind;
  supplierId: string;
  buyerId: string;
  segmentCode: string;
  year: number;
  amountCny: number;
  quantity: number | null;
  unit: string | null;
  status: OrderStatus;
  synthetic: boolean;
  source: string;
}

export interface SupportSeed {
  fromFirmId: string;
  toFirmId: string;
  kinds: SupportKind[];
  since: string | null;
  synthetic: boolean;
  source: string;
}

export interface GoalSeed {
  id: string;
  districtCode: string;
  year: number;
  projects: number;
  agreementCny: number;
  outputCny: number | null;
  source: string;
}

/** One step of a target's history; the last one is its current stage. */
export interface TargetStepSeed {
  stage: TargetStage;
  /** ISO timestamp. */
  at: string;
  note: string | null;
  /** Why it was dropped (DROPPED only). */
  reason?: string;
}

export interface TargetSeed {
  id: string;
  name: string;
  districtCode: string;
  segmentCode: string;
  firmId: string | null;
  leaderId: string | null;
  agreementCny: number | null;
  investmentCny: number | null;
  fundsInPlaceCny: number | null;
  expectedOutputCny: number | null;
  owner: string | null;
  contact: string | null;
  notes: string | null;
  history: TargetStepSeed[];
  synthetic: boolean;
  source: string;
}

/** One entry of an introduction's history; the last move is its current stage. */
export interface IntroductionStepSeed {
  stage: IntroductionStage;
  /** ISO timestamp. */
  at: string;
  actor: string;
  actorRole: string;
  note: string | null;
  /** Why it was declined (DECLINED only). */
  reason?: DeclineReason;
  /** A change of the plan, not of the stage. */
  planChange?: boolean;
}

export interface PlanStepSeed {
  kind: PlanStepKind;
  description: string;
  amountCny: number | null;
  dueOn: string | null;
  doneOn: string | null;
  mentorId: string | null;
}

/** An introduction (供需对接) with its whole story, written as given. */
export interface IntroductionSeed {
  id: string;
  buyerId: string;
  supplierId: string;
  segmentCode: string;
  origin: IntroductionOrigin;
  year: number;
  note: string | null;
  goalYieldRate: number | null;
  goalCertifications: string[];
  goalAnnualVolume: number | null;
  goalUnit: string | null;
  goalBy: string | null;
  steps: PlanStepSeed[];
  history: IntroductionStepSeed[];
  synthetic: boolean;
  source: string;
}

export interface SeedDataset {
  districts: DistrictSeed[];
  segments: SegmentSeed[];
  feeds: FeedSeed[];
  firms: FirmSeed[];
  capabilities: CapabilitySeed[];
  needs: NeedSeed[];
  orders: OrderSeed[];
  supports: SupportSeed[];
  goals: GoalSeed[];
  /** Investment-promotion targets; loaded only where absent, so a re-seed never undoes a team's moves. */
  targets: TargetSeed[];
  /** Introductions with their history; loaded only where absent, like targets. */
  introductions: IntroductionSeed[];
}
