/**
 * The benchmark groups in the order `npm run bench` runs them (and BENCHMARKS.md shows
 * them). Later groups may read earlier ones' results (the forward group divides by the
 * roofline's rates), so the order matters.
 */
import type { BenchGroup } from "../harness/types.js";
import { group as decoding } from "./decoding.js";
import { group as forward } from "./forward.js";
import { group as frontend } from "./frontend.js";
import { group as peers } from "./peers.js";
import { group as roofline } from "./roofline.js";
import { group as training } from "./training.js";

export const GROUPS: readonly BenchGroup[] = [
  frontend,
  roofline,
  forward,
  peers,
  training,
  decoding,
];
