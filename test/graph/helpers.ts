/** Loading specs and looking inside graph descriptions, for the graph tests. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkProgram } from "../../src/check/index.js";
import type { CheckedModel } from "../../src/check/model.js";
import { elaborate } from "../../src/elaborate/index.js";
import type { IrModule } from "../../src/ir/types.js";
import { memoryHost } from "../../src/source/host.js";
import {
  clustersOf,
  nodesOf,
  type Container,
  type GraphCluster,
  type GraphDoc,
  type GraphNode,
} from "../../src/graph/types.js";

export const ROOT = new URL("../../", import.meta.url).pathname;

export interface Loaded {
  model: CheckedModel;
  module: IrModule;
}

/** Checks and elaborates every model of a source text (failing on any error). */
export function loadSource(text: string, path = "t.s2s"): Loaded[] {
  const r = checkProgram(path, memoryHost({ [path]: text }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models.map((model) => {
    const e = elaborate(model);
    if (e.module === undefined)
      throw new Error(e.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
    return { model, module: e.module };
  });
}

/** One model of a spec file in the repository. */
export function loadSpec(path: string, name?: string): Loaded {
  const all = loadSource(readFileSync(join(ROOT, path), "utf8"), path);
  const found = name === undefined ? all[0] : all.find((l) => l.model.name === name);
  if (found === undefined) throw new Error(`no model ${name} in ${path}`);
  return found;
}

/** Every `FILE:MODEL` of specs/, in a fixed order. */
export function everySpecModel(): { file: string; model: string }[] {
  const out: { file: string; model: string }[] = [];
  for (const dir of ["specs/papers", "specs/tiny"]) {
    for (const f of readdirSync(join(ROOT, dir)).sort()) {
      if (!f.endsWith(".s2s")) continue;
      const file = `${dir}/${f}`;
      for (const l of loadSource(readFileSync(join(ROOT, file), "utf8"), file))
        out.push({ file, model: l.model.name });
    }
  }
  return out;
}

export function nodesTitled(doc: GraphDoc, title: string): GraphNode[] {
  return doc.nodes.filter((n) => n.title === title);
}

export function nodeTitled(doc: GraphDoc, title: string): GraphNode {
  const found = nodesTitled(doc, title);
  if (found.length !== 1) throw new Error(`${found.length} nodes titled ${title}`);
  return found[0]!;
}

export function title(doc: GraphDoc, id: string): string {
  return doc.nodes.find((n) => n.id === id)!.title;
}

/** Every cluster, outermost first. */
export function allClusters(c: Container): GraphCluster[] {
  return clustersOf(c).flatMap((x) => [x, ...allClusters(x)]);
}

/** The labels of the clusters around a node, outermost first. */
export function clusterPath(doc: GraphDoc, id: string): string[] {
  const walk = (c: Container, path: string[]): string[] | undefined => {
    if (nodesOf(c).includes(id)) return path;
    for (const sub of clustersOf(c)) {
      const found = walk(sub, [...path, sub.label]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const found = walk(doc.root, []);
  if (found === undefined) throw new Error(`node ${id} is in no container`);
  return found;
}

/** Edges as `from-title -> to-title` with their kind, for readable assertions. */
export function edgesBetween(doc: GraphDoc): string[] {
  return doc.edges.map((e) => `${title(doc, e.from)} -${e.kind}-> ${title(doc, e.to)}`);
}
