#!/usr/bin/env node
// The `infercheck` command in a checkout (npm start, the tests): the TypeScript sources, run through tsx's loader,
// so what runs is always what is on disk. The installed package runs the compiled program instead —
// dist/cli/bin.js, its package.json "bin", built by `npm run build` (and by npm pack).
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
