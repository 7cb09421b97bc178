/**
 * Writes schema/experiment.schema.json from src/node/experiment/schema.ts (the one source of
 * truth), for editors that validate experiment files through their `$schema` key.
 * test/experiment/load.test.ts fails when the two drift apart.
 */
import { writeFileSync } from "node:fs";
import { EXPERIMENT_SCHEMA } from "../src/node/experiment/schema.js";

const out = new URL("../schema/experiment.schema.json", import.meta.url);
writeFileSync(out, JSON.stringify(EXPERIMENT_SCHEMA, null, 2) + "\n");
