// How long the fuzz suite fuzzes. `npm test` runs every property a fixed number of times from a
// fixed seed, so a run is repeatable and stays within about a minute on two cores. To fuzz longer
// or elsewhere, set in the environment:
//   FUZZ_RUNS=20      run every property 20 times as often as by default (a whole number ≥ 1);
//   FUZZ_SEED=12345   start from another seed (a whole number), or FUZZ_SEED=random for a new one
//                     each run (printed, so a failure can be replayed with that seed).
// A failing property prints its seed and path; replay it with FUZZ_SEED and the same FUZZ_RUNS.
import type { Parameters } from 'fast-check';

function wholeFromEnvironment(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw new Error(`${name} must be a whole number ≥ ${min}, not «${text}»`);
  return Number(text);
}

/** The factor every property's own count of runs is multiplied by (FUZZ_RUNS, default 1). */
export const RUN_FACTOR = wholeFromEnvironment('FUZZ_RUNS', 1, 1);

function seedFromEnvironment(): number {
  if (process.env.FUZZ_SEED?.trim() === 'random') {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`fuzz: FUZZ_SEED=${seed}`);
    return seed;
  }
  return wholeFromEnvironment('FUZZ_SEED', 20_251_010, 0);
}

/** The seed every property starts from (FUZZ_SEED, default fixed). */
export const SEED = seedFromEnvironment();

/** fast-check's parameters for a property run `runs` times by default. */
export function fuzz<T>(runs: number): Parameters<T> {
  return { numRuns: runs * RUN_FACTOR, seed: SEED };
}

/** A mocha timeout for a test that takes about `ms` at the default count, scaled with FUZZ_RUNS. */
export function fuzzTimeout(ms: number): number {
  return ms * RUN_FACTOR;
}
