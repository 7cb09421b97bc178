/**
 * Built-in tasks that need no download: `copy`, `reverse` and `sort` over random symbol
 * sequences, and `dates` (human-written dates in many formats → ISO `YYYY-MM-DD`).
 * Everything is a pure function of (seed, step): training batches are drawn from an
 * endless stream, validation and test sets are fixed (independent of the seed).
 */
import { DataError } from "./errors.js";
import { mixSeed, randInt, Rng } from "./random.js";
import type { Example } from "./tsv.js";

export const TASKS = ["copy", "reverse", "sort", "dates"] as const;
export type TaskName = (typeof TASKS)[number];

/** The symbols of the sequence tasks, one character each (so `--tokenize char`). */
export const SYMBOLS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export interface TaskOptions {
  /** Sequence lengths (inclusive) of copy/reverse/sort; default 5–20. */
  minLength?: number;
  maxLength?: number;
  /** Alphabet size of copy/reverse/sort; default 16. */
  symbols?: number;
}

export interface Task {
  name: TaskName;
  /** Every token the task can produce on each side (the vocabularies are built from these). */
  sourceTokens: string[];
  targetTokens: string[];
  /** One random example (the training stream draws from this). */
  sample(rng: Rng): Example;
  validation: Example[];
  test: Example[];
  /** A one-line description for the progress output. */
  describe: string;
}

const VALID_SEED = 0x5eed0001;
const TEST_SEED = 0x5eed0002;

function sequenceTask(name: "copy" | "reverse" | "sort", o: TaskOptions): Task {
  const lo = o.minLength ?? 5;
  const hi = o.maxLength ?? 20;
  const n = o.symbols ?? 16;
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi >= lo))
    throw new DataError(`task lengths must be 1 ≤ min ≤ max, got ${lo}–${hi}`);
  if (!(Number.isInteger(n) && n >= 2 && n <= SYMBOLS.length))
    throw new DataError(`the task alphabet must have 2 to ${SYMBOLS.length} symbols, got ${n}`);
  const alphabet = [...SYMBOLS.slice(0, n)];
  const order = new Map(alphabet.map((s, i) => [s, i]));
  const sample = (rng: Rng): Example => {
    const len = randInt(rng, lo, hi);
    const src = Array.from({ length: len }, () => alphabet[Math.floor(rng.next() * n)]!);
    const tgt =
      name === "copy"
        ? [...src]
        : name === "reverse"
          ? [...src].reverse()
          : [...src].sort((a, b) => order.get(a)! - order.get(b)!);
    return { src, tgt };
  };
  const fixed = (seed: number, count: number) => {
    const rng = new Rng(seed);
    return Array.from({ length: count }, () => sample(rng));
  };
  return {
    name,
    sourceTokens: alphabet,
    targetTokens: alphabet,
    sample,
    validation: fixed(VALID_SEED, 500),
    test: fixed(TEST_SEED, 500),
    describe: `${name}: ${n} symbols, lengths ${lo}–${hi}`,
  };
}

// ---- dates ----

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

interface Ymd {
  y: number;
  m: number; // 1–12
  d: number; // 1–31
  weekday: number; // 0 = Sunday
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const ordinal = (d: number) =>
  `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;

/** Ways people write a date; none is ambiguous (no numeric day/month order without the year first or a dot). */
export const DATE_FORMATS: readonly ((t: Ymd) => string)[] = [
  (t) => `${t.d} ${MONTHS[t.m - 1]} ${t.y}`,
  (t) => `${pad2(t.d)} ${MONTHS[t.m - 1]} ${t.y}`,
  (t) => `${MONTHS[t.m - 1]} ${t.d}, ${t.y}`,
  (t) => `${MONTHS[t.m - 1]!.slice(0, 3)} ${t.d}, ${t.y}`,
  (t) => `${t.d} ${MONTHS[t.m - 1]!.slice(0, 3)} ${t.y}`,
  (t) => `${DAYS[t.weekday]}, ${MONTHS[t.m - 1]} ${t.d}, ${t.y}`,
  (t) => `${DAYS[t.weekday]!.slice(0, 3)} ${t.d} ${MONTHS[t.m - 1]!.slice(0, 3)} ${t.y}`,
  (t) => `${pad2(t.d)}.${pad2(t.m)}.${t.y}`,
  (t) => `${t.y}/${pad2(t.m)}/${pad2(t.d)}`,
  (t) => `${ordinal(t.d)} of ${MONTHS[t.m - 1]} ${t.y}`,
  (t) => `${MONTHS[t.m - 1]} ${ordinal(t.d)}, ${t.y}`,
  (t) => `${t.d}-${MONTHS[t.m - 1]!.slice(0, 3)}-${t.y}`,
  (t) => `${t.y} ${MONTHS[t.m - 1]} ${t.d}`,
  (t) => `${t.d} ${MONTHS[t.m - 1]!.toLowerCase()} ${t.y}`,
];

function dayToYmd(day: number): Ymd {
  const dt = new Date(Date.UTC(FIRST_YEAR, 0, 1) + day * 86_400_000);
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    weekday: dt.getUTCDay(),
  };
}

const iso = (t: Ymd) => `${t.y}-${pad2(t.m)}-${pad2(t.d)}`;

/** Which split a calendar day belongs to: a fixed hash of the day, 90% / 5% / 5%. */
export function dateSplit(day: number): "train" | "validation" | "test" {
  const h = mixSeed(0xda7e, day) % 100;
  return h < 90 ? "train" : h < 95 ? "validation" : "test";
}

function datesTask(): Task {
  const total = Math.round(
    (Date.UTC(LAST_YEAR + 1, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)) / 86_400_000,
  );
  const days: Record<"train" | "validation" | "test", number[]> = {
    train: [],
    validation: [],
    test: [],
  };
  for (let d = 0; d < total; d++) days[dateSplit(d)].push(d);
  const example = (day: number, format: number): Example => {
    const t = dayToYmd(day);
    return { src: [...DATE_FORMATS[format]!(t)], tgt: [...iso(t)] };
  };
  const pick = (rng: Rng, pool: number[]) =>
    example(
      pool[Math.floor(rng.next() * pool.length)]!,
      Math.floor(rng.next() * DATE_FORMATS.length),
    );
  const fixed = (seed: number, pool: number[], count: number) => {
    const rng = new Rng(seed);
    return Array.from({ length: count }, () => pick(rng, pool));
  };
  // Every character any format can produce, so held-out dates never meet <unk>.
  const src = new Set<string>();
  for (let d = 0; d < 366; d++)
    for (let f = 0; f < DATE_FORMATS.length; f++) for (const c of example(d, f).src) src.add(c);
  for (const c of "0123456789") src.add(c);
  return {
    name: "dates",
    sourceTokens: [...src],
    targetTokens: [..."0123456789-"],
    sample: (rng) => pick(rng, days.train),
    validation: fixed(VALID_SEED, days.validation, 500),
    test: fixed(TEST_SEED, days.test, 1000),
    describe: `dates: ${DATE_FORMATS.length} formats, ${FIRST_YEAR}–${LAST_YEAR}, ${days.train.length} training days`,
  };
}

export function makeTask(name: TaskName, options: TaskOptions = {}): Task {
  return name === "dates" ? datesTask() : sequenceTask(name, options);
}
