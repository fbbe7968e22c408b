#!/usr/bin/env node
// The installed package's `infercheck` command (package.json "bin"): the compiled program, plain Node, no
// TypeScript loader. A checkout runs the same program from its sources through bin/infercheck.mjs (tsx).
import './main.ts';
