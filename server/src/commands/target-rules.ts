import { TARGET_PROGRESSION, type TargetStage } from '@yulian/schema';
import { chinaDay, chinaDayStart } from '../investment/progress';
import { checkMove, isSignedOrLater } from '../investment/stages';
import type { TargetRow } from '../store/queries';
import { KIND_COLUMNS, columnName } from '../import/columns';
import type { KindRecords } from '../import/kinds';
import { dateOrderMessage, stageStepMessage, type Lang, type MessageKey } from '../import/messages';
import { MILESTONES } from '../import/target-row';

/**
 * What a target row may do, as a pure function of the row, the target as the store holds it and
 * the time, so the rules can be read and tested apart from files and stores.
 *
 * Creating (the id is new): any stage may be given. A bureau moving its existing list into the app
 * brings each target in at its current stage, not as a LEAD to be clicked forward five times. In
 * return, a target created at SIGNED or later needs its agreement amount and the day it reached
 * each milestone so far (signed, started, producing): the year's signings are counted by those
 * days, and without them the project would count in no year. A DROPPED one needs its reason.
 *
 * Updating (the id exists): the same moves as moveTarget (investment/stages.ts): one stage
 * forward, or to DROPPED with a reason; SIGNED needs agreementCny; PRODUCING and DROPPED are final.
 * The district never changes. Days already in the history cannot be changed (it is append-only); a
 * blank date cell keeps what is recorded, and the day of a stage reached by this very row dates its
 * move. Fields are replaced as the API's upsertTarget replaces them (a blank cell clears).
 *
 * Every write leaves a history entry, as the API does: one per stage reached on creation, one for a
 * move, one "edited: …" entry for changed fields. A row that changes nothing writes nothing.
 */

export type TargetRecord = KindRecords['targets'];

/** A target as the store holds it, with its history reduced to what the rules need. */
export interface ExistingTarget {
  row: TargetRow;
  /** When the target last entered each milestone stage (stage changes only, not edits). */
  reachedAt: Partial<Record<TargetStage, string>>;
  /** The newest history entry, edits included: nothing new may be dated before it. */
  lastAt: string | null;
}

/** A history entry to write; the writer adds its id, the actor and the note naming the file. */
export interface EventDraft {
  stage: TargetStage;
  fromStage: TargetStage | null;
  at: string;
  reason: string | null;
  /** "edited: name, notes" when fields changed, as the API notes edits. */
  detail: string | null;
}

export interface ResolvedTarget {
  record: TargetRecord;
  /** The stage the store holds (null for a new target); the write applies only if it still does. */
  fromStage: TargetStage | null;
  /** For a new target: when it was filed. */
  createdAt: string | null;
  /** Fields that differ from the store, stage excluded; empty for a new target. */
  changed: readonly EditableKey[];
  events: readonly EventDraft[];
}

export type RuleProblem = { key: string; message: MessageKey } | { key: string; text: string };
export type Judgement = { ok: true; target: ResolvedTarget } | { ok: false; problems: RuleProblem[] };

/** The fields an update compares with the store; district and stage have rules of their own. */
export const EDITABLE = [
  'name', 'segmentCode', 'firmId', 'leaderId', 'agreementCny', 'investmentCny', 'fundsInPlaceCny', 'expectedOutputCny',
  'owner', 'contact', 'notes', 'dropReason', 'synthetic', 'source',
] as const;
export type EditableKey = (typeof EDITABLE)[number];

const progressionIndex = (stage: TargetStage) => (TARGET_PROGRESSION as readonly TargetStage[]).indexOf(stage);

/** Problems keyed by column: the first one found for a column is the one reported. */
class Problems {
  private readonly byKey = new Map<string, RuleProblem>();
  add(key: string, what: MessageKey | { text: string }): void {
    if (this.byKey.has(key)) return;
    this.byKey.set(key, typeof what === 'string' ? { key, message: what } : { key, text: what.text });
  }
  get list(): RuleProblem[] {
    return [...this.byKey.values()];
  }
}

const label = (key: string, lang: Lang) => {
  const spec = KIND_COLUMNS.targets.find((s) => s.key === key);
  return spec ? columnName(spec, lang) : key;
};

export function judgeTarget(r: TargetRecord, existing: ExistingTarget | undefined, now: Date, lang: Lang): Judgement {
  const problems = new Problems();
  const today = chinaDay(now.toISOString());
  stateRules(r, problems);
  dayOrderRules(r, today, problems, lang);
  const result = existing ? judgeUpdate(r, existing, now, today, problems, lang) : judgeCreate(r, now, today, problems);
  const list = problems.list;
  return list.length > 0 || !result ? { ok: false, problems: list } : { ok: true, target: result };
}

/** What the row's own stage requires, whether it creates or updates. */
function stateRules(r: TargetRecord, problems: Problems): void {
  if (r.stage === 'DROPPED' && !r.dropReason) problems.add('dropReason', 'dropReasonRequired');
  if (r.stage !== 'DROPPED' && r.dropReason) problems.add('dropReason', 'dropReasonNotDropped');
  if (isSignedOrLater(r.stage) && r.agreementCny == null) problems.add('agreementCny', 'agreementRequired');
  if (r.stage !== 'DROPPED' && r.droppedOn) problems.add('droppedOn', 'stageNotReached');
  if (r.stage === 'DROPPED' && r.producingOn) problems.add('producingOn', 'stageNotReached');
}

/** The row's days follow the history's order (filed, signed, started, producing, dropped) and none is after today. */
function dayOrderRules(r: TargetRecord, today: string, problems: Problems, lang: Lang): void {
  const keys = ['createdOn', 'signedOn', 'startedOn', 'producingOn', 'droppedOn'] as const;
  let latest: { key: string; day: string } | null = null;
  for (const key of keys) {
    const day = r[key];
    if (!day) continue;
    if (day > today) problems.add(key, 'dateInFuture');
    else if (latest && day < latest.day) problems.add(key, { text: dateOrderMessage(label(latest.key, lang), lang) });
    if (!latest || day > latest.day) latest = { key, day };
  }
}

/** A day of the file as an instant: today's is now, an earlier one the start of that day. */
const instant = (day: string, today: string, now: Date) => (day === today ? now.toISOString() : chinaDayStart(day));

function judgeCreate(r: TargetRecord, now: Date, today: string, problems: Problems): ResolvedTarget | null {
  const progression = progressionIndex(r.stage);
  for (const { stage, key } of MILESTONES) {
    if (stage === 'DROPPED' || r.stage === 'DROPPED') continue;
    const reached = progression >= progressionIndex(stage);
    if (reached && !r[key]) problems.add(key, 'dateRequired');
    if (!reached && r[key]) problems.add(key, 'stageNotReached');
  }
  // A dropped target may have signed or started before; a later milestone's day brings the earlier ones.
  if (r.stage === 'DROPPED' && r.startedOn && !r.signedOn) problems.add('signedOn', 'dateRequired');
  if (problems.list.length > 0) return null;

  const nowIso = now.toISOString();
  const drafts: { stage: TargetStage; at: string; reason: string | null }[] = [];
  for (const { stage, key } of MILESTONES) {
    const day = r[key];
    if (stage !== 'DROPPED' && day) drafts.push({ stage, at: instant(day, today, now), reason: null });
  }
  if (r.stage === 'DROPPED') drafts.push({ stage: 'DROPPED', at: r.droppedOn ? instant(r.droppedOn, today, now) : nowIso, reason: r.dropReason ?? null });
  const createdAt = r.createdOn ? instant(r.createdOn, today, now) : [nowIso, ...drafts.map((d) => d.at)].sort()[0] ?? nowIso;
  // Before signing no day is carried: the entry is the creation itself (a LEAD filed that day).
  if (progressionIndex(r.stage) >= 0 && progressionIndex(r.stage) < progressionIndex('SIGNED')) {
    drafts.push({ stage: r.stage, at: r.stage === 'LEAD' ? createdAt : nowIso, reason: null });
  }
  return { record: r, fromStage: null, createdAt, changed: [], events: chain(drafts, createdAt) };
}

/**
 * Links the entries (each one's fromStage is the stage before it) and makes their times strictly
 * increase from the filing, so that two stages reached on one day keep their order in the history.
 */
function chain(drafts: readonly { stage: TargetStage; at: string; reason: string | null }[], notBefore: string): EventDraft[] {
  const events: EventDraft[] = [];
  let last = Date.parse(notBefore) - 1;
  let from: TargetStage | null = null;
  for (const d of drafts) {
    const at = Math.max(Date.parse(d.at), last + 1);
    events.push({ stage: d.stage, fromStage: from, at: new Date(at).toISOString(), reason: d.reason, detail: null });
    last = at;
    from = d.stage;
  }
  return events;
}

function judgeUpdate(r: TargetRecord, e: ExistingTarget, now: Date, today: string, problems: Problems, lang: Lang): ResolvedTarget | null {
  const before = e.row;
  if (r.districtCode !== before.districtCode) {
    problems.add('districtCode', 'targetDistrictFixed');
    return null;
  }
  const moves = r.stage !== before.stage;
  if (moves) {
    const check = checkMove(before, { stage: r.stage, reason: r.dropReason, agreementCny: r.agreementCny });
    if (!check.ok) {
      if (check.field === 'reason') problems.add('dropReason', 'dropReasonRequired');
      else if (check.field === 'agreementCny') problems.add('agreementCny', 'agreementRequired');
      else if (before.stage === 'DROPPED') problems.add('stage', 'targetDropped');
      else if (before.stage === 'PRODUCING') problems.add('stage', 'targetProducing');
      else problems.add('stage', { text: stageStepMessage(before.stage, TARGET_PROGRESSION[progressionIndex(before.stage) + 1] ?? null, lang) });
    }
  }
  if (r.createdOn && r.createdOn !== chinaDay(before.createdAt)) problems.add('createdOn', 'dateFixed');
  let moveDay: string | null = null;
  for (const { stage, key } of MILESTONES) {
    const given = r[key];
    if (!given) continue;
    const recorded = e.reachedAt[stage];
    if (recorded) {
      if (given !== chinaDay(recorded)) problems.add(key, 'dateFixed');
    } else if (moves && stage === r.stage) {
      moveDay = given;
    } else {
      problems.add(key, 'stageNotReached');
    }
  }
  const lastDay = e.lastAt ? chinaDay(e.lastAt) : null;
  if (moveDay && lastDay && moveDay < lastDay) {
    problems.add(MILESTONES.find((m) => m.stage === r.stage)?.key ?? 'stage', { text: dateOrderMessage(lastDay, lang) });
  }
  if (problems.list.length > 0) return null;

  const changed = EDITABLE.filter((k) => !same(r[k], before[k], k));
  const nowIso = now.toISOString();
  const events: EventDraft[] = [];
  if (moves) {
    const at = moveDay ? latest(instant(moveDay, today, now), e.lastAt) : nowIso;
    const edited = changed.filter((k) => !(k === 'dropReason' && r.stage === 'DROPPED'));
    events.push({ stage: r.stage, fromStage: before.stage, at, reason: r.stage === 'DROPPED' ? (r.dropReason ?? null) : null, detail: edited.length ? `edited: ${edited.join(', ')}` : null });
  } else if (changed.length > 0) {
    events.push({ stage: before.stage, fromStage: before.stage, at: latest(nowIso, e.lastAt), reason: null, detail: `edited: ${changed.join(', ')}` });
  }
  return { record: r, fromStage: before.stage, createdAt: null, changed, events };
}

/** The later of two instants: a new entry never sorts before the one it follows. */
const latest = (at: string, after: string | null) => (after && after > at ? after : at);

function same(value: unknown, stored: unknown, key: EditableKey): boolean {
  // Targets made by the API before provenance existed hold null: they were not synthetic.
  if (key === 'synthetic') return Boolean(value) === Boolean(stored);
  return (value ?? null) === (stored ?? null);
}
