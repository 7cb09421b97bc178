// Runs the CLI from the TypeScript sources, without a build: `npx tsx scripts/s2sc.ts ...`.
import { main } from "../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
