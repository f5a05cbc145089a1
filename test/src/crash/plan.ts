/**
 * The crash matrix's sequences: what a run does before and where its kill lands. Each lane goes
 * through all of them in a seeded shuffled order, again and again, so that a seed repeats a run
 * exactly (apart from timing). The lanes start their first round at different places of one
 * shuffled order, so that even a short slice covers every sequence between them.
 */

export const SEQUENCES = {
  /** Writes of every kind, imports among them, and a kill at a random instant. */
  random: 'writes → kill at a random instant',
  /** An import answered, then a GraphQL write answered, then the kill: issue 13's lost import. */
  'import-write': 'import → GraphQL write → kill',
  /** A kill while the import runs or just after its answer. */
  import: 'import → kill',
  /** A server that checkpoints after every one or two writes, killed inside a checkpoint. */
  checkpoint: 'checkpoint → kill',
  /** The server killed, then `pnpm yulian backup` on its folder killed at a random instant. */
  backup: 'backup → kill',
  /** The server killed, a finished backup, then `pnpm yulian restore` into the emptied folder killed. */
  restore: 'restore → kill',
  /** The server killed while it opens the folder and replays its log. */
  opening: 'start → kill while opening',
} as const;
export type Sequence = keyof typeof SEQUENCES;
const ORDER = Object.keys(SEQUENCES) as Sequence[];

export interface RunPlan {
  sequence: Sequence;
  /** Writes answered before the sequence's own step. */
  warmupWrites: number;
  /** A fraction of the step's expected length (or of a fixed window) at which the kill lands. */
  killAt: number;
  /** The same for the server's kill before a backup or a restore. */
  serverKillAt: number;
  /** For `checkpoint`: checkpoint after this many writes, and kill inside the nth checkpoint. */
  checkpointEveryWrites: number;
  nthCheckpoint: number;
  /** Milliseconds after the checkpoint's engine phase begins. */
  checkpointDelayMs: number;
}

export class Planner {
  private queue: Sequence[];

  /** `first` shuffles the first round, the same for every lane; `lane` of `lanes` picks where in it this lane starts. */
  constructor(
    private readonly random: () => number,
    first: () => number,
    lane: number,
    lanes: number,
  ) {
    const round = shuffle(ORDER, first);
    const start = lane * Math.ceil(ORDER.length / lanes);
    this.queue = [...round.slice(start), ...round.slice(0, start)];
  }

  next(): RunPlan {
    if (this.queue.length === 0) this.queue = shuffle(ORDER, this.random);
    const sequence = this.queue.shift() as Sequence;
    return {
      sequence,
      warmupWrites: Math.floor(this.random() * 3),
      killAt: this.random(),
      serverKillAt: this.random(),
      checkpointEveryWrites: 1 + Math.floor(this.random() * 2),
      nthCheckpoint: 1 + Math.floor(this.random() * 2),
      checkpointDelayMs: this.random() * 40,
    };
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
