/**
 * TSV training pairs from the disk: reading the file is here, decoding and parsing it
 * is the core's (src/data/tsv.ts). Problems are DataErrors naming the file as the user
 * wrote it.
 */
import { readFileSync } from "node:fs";
import {
  DataError,
  type Dataset,
  type DatasetOptions,
  decodeTsv,
  type Example,
  pairsDataset,
} from "../data/index.js";
import type { Tokenizer } from "../data/index.js";

/** A data file the file system did not hand over: an I/O error (exit 2; docs/cli.md). */
export class UnreadableDataFile extends DataError {}

/** Reads and parses a TSV file; `shown` is the path as the user wrote it. */
export function readTsv(path: string, shown: string, how: Tokenizer): Example[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableDataFile(
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : `cannot read it (${code ?? "I/O error"})`,
      shown,
    );
  }
  return decodeTsv(bytes, shown, how);
}

export interface FileDataOptions {
  path: string;
  /** The path as the user wrote it, for messages. */
  shown: string;
  tokenizer: Tokenizer;
  /** A separate validation file; otherwise every 20th pair is held out. */
  valid?: { path: string; shown: string };
}

/** The dataset of a TSV file (and a validation file). */
export function fileDataset(f: FileDataOptions, o: DatasetOptions): Dataset {
  return pairsDataset(
    {
      shown: f.shown,
      tokenizer: f.tokenizer,
      pairs: readTsv(f.path, f.shown, f.tokenizer),
      ...(f.valid !== undefined
        ? { valid: readTsv(f.valid.path, f.valid.shown, f.tokenizer) }
        : {}),
    },
    o,
  );
}
