#!/usr/bin/env node
// The `infercheck` command. Sources are TypeScript, run through tsx's loader (no build step to go stale).
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
