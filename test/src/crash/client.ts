import { templateCsv, upload } from '../import/helpers';
import type { Effect, Ledger } from './ledger';
import type { Write } from './writes';

/** A request left unanswered this long is treated as cut: the server is stuck, not slow. */
const REQUEST_TIMEOUT_MS = 30_000;

export type Outcome = { answered: true; ms: number } | { answered: false; why: string };

/**
 * Sends writes to one server over HTTP as a browser or an API client would, and tells the ledger
 * what was sent and what was answered. Answered means HTTP 200 and no error: only then may the
 * writer rely on the write.
 */
export class Client {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly ledger: Ledger,
    private readonly run: number,
    /** Refusals the server gave while it was alive: a write the matrix made wrongly, reported so it gets fixed. */
    private readonly refusals: string[],
  ) {}

  async perform(write: Write): Promise<Outcome> {
    const started = performance.now();
    const ticket = this.ledger.send(write.effects, write.type === 'import' ? { label: write.label, run: this.run, file: write.file } : undefined);
    let extra: { effects: Effect[]; auditIds: string[] } | null = null;
    try {
      if (write.type === 'graphql') {
        const res = await fetch(`${this.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.token}` },
          body: JSON.stringify({ query: write.query, variables: write.variables }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
        if (res.status !== 200 || body.errors?.length || !body.data) return this.refused(write.label, `${res.status} ${JSON.stringify(body.errors ?? body)}`);
        extra = write.fromAnswer ? write.fromAnswer(body.data) : null;
      } else {
        const { status, answer } = await upload(this.url, write.kind, templateCsv(write.kind, write.records), {
          token: this.token,
          mode: 'commit',
          fileName: write.file,
        });
        if (status !== 200 || !answer.ok || answer.committed === false) return this.refused(write.label, `${status} ${JSON.stringify(answer.errors.slice(0, 3))}`);
      }
    } catch (error) {
      // The server died under the request (or never answered): the write is in doubt.
      return { answered: false, why: error instanceof Error ? error.message : String(error) };
    }
    this.ledger.answer(
      ticket,
      { label: write.label, run: this.run, auditIds: [...write.auditIds, ...(extra?.auditIds ?? [])], ...(write.type === 'import' ? { importFile: write.file } : {}) },
      extra?.effects ?? [],
    );
    return { answered: true, ms: performance.now() - started };
  }

  private refused(label: string, why: string): Outcome {
    this.refusals.push(`${label}: ${why.slice(0, 300)}`);
    return { answered: false, why };
  }
}
