/** Shared helpers for the ledger and reconciliation tests: fixtures, chunking and compact views. */
import { readFileSync } from 'node:fs';
import { embeddedPlan, Ledger, Money, type LedgerLine, type Problem } from '../../engine/index.js';

/** The embedded plan, built once. */
export const plan = embeddedPlan();

/** A fixture ledger's bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/ledger/${name}`, import.meta.url));
}

/** Splits bytes into chunks of `size` bytes (the last may be shorter). */
export function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, Math.min(bytes.length, start + size));
}

/** A new ledger over the embedded plan. */
export function newLedger(): Ledger {
  return new Ledger(plan);
}

/** A line as a test reads it: money as the contract writes it. */
export function brief(line: LedgerLine) {
  return {
    line: line.line,
    date: line.date,
    voucher: line.voucher,
    instrument: line.instrument as string,
    kind: line.kind,
    amount: Money.fromMilli(line.amount).toFixed2(),
    reference: line.reference,
    year: line.year as number,
    text: line.text,
  };
}

/** A problem's code and position, without its wording. */
export function where(p: Problem) {
  return { code: p.code, file: p.file, line: p.line, column: p.column, value: p.value };
}

/** Windows-1252 bytes of a text of Latin-1 characters (æøå and friends are one byte each). */
export function cp1252(text: string): Buffer {
  for (const ch of text) if (ch.charCodeAt(0) > 0xff) throw new Error(`not Latin-1: ${ch}`);
  return Buffer.from(text, 'latin1');
}
