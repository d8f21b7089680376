#!/usr/bin/env node
// The `call-segments` command (`npx call-segments admin …`): runs the TypeScript admin CLI through
// tsx's ESM API, so no build step is needed.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli/main.ts', import.meta.url);
