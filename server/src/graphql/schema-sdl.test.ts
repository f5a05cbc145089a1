import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSdl } from './index';
import { schemaSdlPath } from './sdl-path';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `pnpm schema:print` after changing the API)', () => {
    expect(readFileSync(schemaSdlPath, 'utf8')).toBe(printSdl());
  });
});
