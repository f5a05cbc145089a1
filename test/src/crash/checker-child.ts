/**
 * Opens crashed folders for the crash matrix, one request a line, in a process of its own:
 *   node --import tsx test/src/crash/checker-child.ts
 * A corrupted log can crash the engine on open (a segfault), which would take the test runner down
 * with it. Prints `loaded`, then for each CheckRequest line on standard input one line
 * `result <FolderCheck as JSON>`.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseCheckRequest } from './check-request';
import { checkFolder } from './verify-folder';

const say = (line: string) => writeSync(1, `${line}\n`);

say('loaded');
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const request = parseCheckRequest(line);
  const result = await checkFolder(request.dir, request.view, request.lane, request.restore);
  say(`result ${JSON.stringify(result)}`);
}
