/**
 * HMAC-SHA256 (RFC 2104) over our own SHA-256, so a keyed change log is signed and checked the same
 * way in Node, the browser and Excel's runtimes (all synchronous; no WebCrypto).
 */
import { sha256Bytes, utf8Bytes } from './sha256.js';

const BLOCK = 64;

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** HMAC-SHA256 of a message under a key, as 64 lower-case hex digits. */
export function hmacSha256Bytes(key: Uint8Array, message: Uint8Array): string {
  const short = key.length > BLOCK ? hexBytes(sha256Bytes(key)) : key;
  const padded = new Uint8Array(BLOCK);
  padded.set(short);
  const inner = padded.map((b) => b ^ 0x36);
  const outer = padded.map((b) => b ^ 0x5c);
  return sha256Bytes(concat(outer, hexBytes(sha256Bytes(concat(inner, message)))));
}

/** HMAC-SHA256 of a text's UTF-8 bytes. */
export function hmacSha256(key: Uint8Array, text: string): string {
  return hmacSha256Bytes(key, utf8Bytes(text));
}
