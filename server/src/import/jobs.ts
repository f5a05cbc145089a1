import type { ImportProgress } from './run';

/**
 * Progress of imports under way, by an id the client picks (`?job=<id>` on the upload) and polls
 * at GET /api/import/jobs/<id>. The upload's own response still carries the result, so a client
 * that does not poll loses nothing. Only the user who started a job can read it; finished jobs are
 * kept for a minute so the last poll sees "done".
 */

interface Job {
  userId: string;
  progress: ImportProgress;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60_000;
export const JOB_ID = /^[A-Za-z0-9-]{8,64}$/;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  start(id: string, userId: string): boolean {
    this.sweep();
    if (this.jobs.has(id)) return false;
    this.jobs.set(id, { userId, progress: { phase: 'reading', done: 0, total: 0 }, finishedAt: null });
    return true;
  }

  update(id: string, progress: ImportProgress): void {
    const job = this.jobs.get(id);
    if (job) job.progress = progress;
  }

  finish(id: string): void {
    const job = this.jobs.get(id);
    if (job) job.finishedAt = Date.now();
  }

  get(id: string, userId: string): ImportProgress | null {
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job.progress : null;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
