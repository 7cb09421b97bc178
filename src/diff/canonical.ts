/**
 * The canonical resolved form of a model (`s2sc diff --canonical`), for line-based tools
 * such as a git textconv: the architecture written out in spec syntax with every setting
 * resolved (parameters, `let`s, `extends`, inheritance and defaults), so that a text
 * diff of two canonical forms shows what changed in the architecture and nothing else.
 *
 * Canonical means two models with equal resolved architectures print the same text
 * (apart from their names): settings are sorted by name, sections come in reading order,
 * numbers are written plainly (`37000`), and layers are regrouped from the numbered
 * layers, so `lstm { } lstm { }` and `stack 2 { lstm { } }` print alike. Origins are
 * left out on purpose: writing a default out is not a change.
 */
import type { CheckedModel, ResolvedSection } from "../check/index.js";
import { formatValue } from "../check/index.js";
import { compareSections } from "../ir/index.js";
import {
  groupSignature,
  structureOf,
  type LayerGroup,
  type Part,
  type Structure,
} from "./structure.js";

const INDENT = "  ";

export function canonicalForm(models: readonly CheckedModel[]): string {
  return models.map(canonicalModel).join("\n");
}

export function canonicalModel(m: CheckedModel): string {
  const s = structureOf(m);
  const out: string[] = [`model ${m.name} {`];
  writeBody(out, m.root, "model", s, 1);
  out.push("}");
  return out.join("\n") + "\n";
}

function writeBody(
  out: string[],
  section: ResolvedSection,
  path: string,
  s: Structure,
  depth: number,
): void {
  writeSettings(out, section, depth);
  // Sections that are not layers, in reading order; layers are written from the plan.
  const children = [...s.sections.entries()]
    .filter(([p]) => parentOf(p) === path)
    .sort(
      ([a], [b]) => compareSections(lastSegment(a), lastSegment(b)) || (a < b ? -1 : a > b ? 1 : 0),
    );
  for (const [childPath, child] of children) {
    writeSection(out, child, depth, (d) => writeBody(out, child, childPath, s, d));
  }
  if (path === "encoder" || path === "decoder") writeLayers(out, s.groups[path as Part], depth);
}

function writeSection(
  out: string[],
  section: ResolvedSection,
  depth: number,
  body: (depth: number) => void,
): void {
  const pad = INDENT.repeat(depth);
  out.push(`${pad}${section.head}${section.variant === undefined ? "" : ` ${section.variant}`} {`);
  body(depth + 1);
  out.push(`${pad}}`);
}

const parentOf = (p: string) =>
  p === "model" ? undefined : p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "model";
const lastSegment = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/**
 * Consecutive equal numbered layers become one `stack N`; a lone single-section layer is
 * written bare. Both parse back to the same numbered layers.
 */
function writeLayers(out: string[], groups: readonly LayerGroup[], depth: number): void {
  const sig = (g: LayerGroup) => groupSignature(g).full;
  const pad = INDENT.repeat(depth);
  for (let i = 0; i < groups.length;) {
    let j = i + 1;
    while (j < groups.length && sig(groups[j]!) === sig(groups[i]!)) j++;
    const g = groups[i]!;
    const count = j - i;
    const writeMembers = (d: number) => {
      for (const m of g.members)
        writeSection(out, m.section, d, (dd) => writeSettings(out, m.section, dd));
    };
    if (count === 1 && g.members.length === 1) writeMembers(depth);
    else {
      out.push(`${pad}stack ${count} {`);
      writeMembers(depth + 1);
      out.push(`${pad}}`);
    }
    i = j;
  }
}

function writeSettings(out: string[], section: ResolvedSection, depth: number): void {
  const pad = INDENT.repeat(depth);
  for (const field of Object.keys(section.settings).sort()) {
    out.push(`${pad}${field} = ${formatValue(section.settings[field]!.value)}`);
  }
}
