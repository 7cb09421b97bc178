/**
 * The prettier plugin for `.s2s` files, exported by the package as `s2sc/prettier`:
 *
 *     prettier --plugin s2sc/prettier --write "specs/**\/*.s2s"
 *
 * It parses with the compiler's own parser (parse.ts) and prints with prettier's doc
 * builders (printer.ts). `s2sc fmt` runs prettier with this plugin (format.ts).
 */
import type { Plugin, SupportLanguage } from "prettier";
import type { Node } from "./nodes.js";
import { s2sParser } from "./parse.js";
import { s2sPrinter } from "./printer.js";

export const languages: SupportLanguage[] = [
  {
    name: "s2s",
    parsers: ["s2s"],
    extensions: [".s2s"],
    vscodeLanguageIds: ["s2s"],
  },
];

export const parsers = { s2s: s2sParser };

export const printers = { "s2s-ast": s2sPrinter };

/**
 * The specs' lines run longer than prettier's general default of 80: a model header
 * with five parameters and their defaults is about 80 columns on its own, and breaking
 * it hides the architecture's shape. A project's prettier config still wins.
 */
export const defaultOptions = { printWidth: 100, tabWidth: 2 };

const plugin: Plugin<Node> = { languages, parsers, printers, defaultOptions };
export default plugin;
