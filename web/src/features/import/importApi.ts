import type { ImportKind } from './importText';

export interface RowError {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportAnswer {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
  errorCount?: number;
  committed?: boolean;
  actions?: { from: number; to: number; action: 'create' | 'update' }[];
}

export interface ImportProgress {
  phase: 'reading' | 'validating' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}

export const templateUrl = (kind: ImportKind, format: 'csv' | 'xlsx') => `/api/import/${kind}/template?format=${format}`;
export const exportUrl = (kind: ImportKind, format: 'csv' | 'xlsx') => `/api/export/${kind}?format=${format}`;

/**
 * Uploads the file (the session cookie signs it) and, while the server works, polls the job's
 * progress every half second. The upload's own answer is the result either way.
 */
export async function sendImport(
  kind: ImportKind,
  file: File,
  mode: 'dry-run' | 'commit',
  lang: 'zh' | 'en',
  onProgress: (p: ImportProgress) => void,
): Promise<ImportAnswer> {
  const job = crypto.randomUUID();
  const form = new FormData();
  form.append('file', file, file.name);
  let finished = false;
  const poll = async () => {
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (finished) return;
      const res = await fetch(`/api/import/jobs/${job}`, { credentials: 'same-origin' }).catch(() => null);
      if (res?.ok) onProgress((await res.json()) as ImportProgress);
    }
  };
  void poll();
  try {
    const res = await fetch(`/api/import/${kind}?mode=${mode}&job=${job}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      // The server refuses a state-changing /api request without it (CSRF prevention, as /graphql).
      headers: { 'accept-language': lang, 'x-graphql-yoga-csrf': 'yulian-web' },
    });
    return (await res.json()) as ImportAnswer;
  } finally {
    finished = true;
  }
}
