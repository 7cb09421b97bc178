/**
 * The layer rules of .dependency-cruiser.cjs over src (`npm run layers`, part of
 * `npm test`): prints each violation with its rule's reason and exits 1 if there is any.
 *
 *   npx tsx scripts/check-layers.ts
 *
 * Not the `depcruise` command itself: it exits with the number of errors, which the
 * process truncates to 8 bits, so exactly 256 violations would pass.
 */
import { cruise, format } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const options = await extractDepcruiseOptions("./.dependency-cruiser.cjs");
const tsConfig = extractTSConfig("tsconfig.json");
const result = await cruise(["src"], { ...options, validate: true }, {}, { tsConfig });
if (typeof result.output === "string") throw new Error("depcruise returned text, not a result");
const report = await format(result.output, { outputType: "err-long" });
process.stdout.write(String(report.output));
const { error, totalCruised } = result.output.summary;
if (error === 0) console.log(`layers: ${totalCruised} modules, no violations`);
process.exitCode = error === 0 ? 0 : 1;
