/**
 * Writes schema/ir.schema.json from src/ir/schema.ts (the one source of truth), for
 * editors and tools that validate `compile --target ir` output, formatted as prettier
 * would. test/ir/json.test.ts fails when the two drift apart.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { IR_SCHEMA } from "../src/ir/schema.js";

const out = fileURLToPath(new URL("../schema/ir.schema.json", import.meta.url));
const options = { ...(await resolveConfig(out)), filepath: out };
writeFileSync(out, await format(JSON.stringify(IR_SCHEMA, null, 2), options));
