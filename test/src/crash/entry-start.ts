/** The go line the crash matrix sends a pre-started entry-child.ts: which entry point, with what. */
export type EntryStart =
  | { entry: 'server'; env: Record<string, string> }
  | { entry: 'checkpointing-server'; env: Record<string, string>; checkpointEveryWrites: number }
  | { entry: 'cli'; env: Record<string, string>; args: string[] };

export function parseEntryStart(line: string): EntryStart {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || !('entry' in value) || !('env' in value)) throw new Error(`not an entry start: ${line}`);
  const { entry } = value;
  if (entry === 'server' || entry === 'checkpointing-server' || entry === 'cli') return value as EntryStart;
  throw new Error(`unknown entry ${String(entry)}`);
}
