import { writeFileSync } from 'node:fs';
import { schemaSdlPath } from '../graphql/sdl-path';
import { printSdl } from '../graphql';

writeFileSync(schemaSdlPath, printSdl());
console.log(`Wrote ${schemaSdlPath}`);
