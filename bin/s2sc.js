#!/usr/bin/env node
// Entry point installed as `s2sc`. The TypeScript sources are compiled to dist/ by
// `npm install` / `npm ci` (the `prepare` script).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
