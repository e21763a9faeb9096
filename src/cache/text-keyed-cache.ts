import type { BoundedCache } from "./bounded-cache.js";

/** Texts shorter than this are keys as they are; longer ones are found by a sample of their characters. */
const SAMPLED_FROM = 256;
/** Long texts kept under one sample; more (made on purpose to collide) push the oldest of them out. */
const PER_SAMPLE = 8;

/** One text and its value, in the bucket of its sample. */
interface Kept<V> {
  readonly text: string;
  readonly value: V;
}

/** What the underlying cache holds: the texts of one key (a short text, or a long text's sample). */
export type TextBucket<V> = readonly Kept<V>[];

/** The bytes a bucket holds: two per character of its texts (the values are small). */
export function textBucketBytes<V>(_key: string | number, bucket: TextBucket<V>): number {
  let bytes = 0;
  for (const kept of bucket) bytes += 2 * kept.text.length + 64;
  return bytes;
}

/**
 * A cache keyed by texts that may be long (query texts, request bodies), which does not make V8
 * hash them whole. V8 hashes a string used as a Map key character by character, about 1.6 ns
 * each: 3.5 µs for a 2 KB query on every request, since each request brings a new string — more
 * than the text's SHA-256. A long text is found here by its length and a sample of its
 * characters instead (0.1 µs), then compared whole with the few texts of that sample (a memory
 * comparison). The entries live in a BoundedCache made by the catalog (caches.ts), so they are
 * bounded and evicted like every other cache: least recently used first.
 */
export class TextKeyedCache<V> {
  constructor(private readonly cache: BoundedCache<string | number, TextBucket<V>>) {}

  /** The value kept for `text`, or undefined. */
  get(text: string): V | undefined {
    const bucket = this.cache.get(keyOf(text));
    if (bucket !== undefined) for (const kept of bucket) if (kept.text === text) return kept.value;
    return undefined;
  }

  /** Keeps `value` for `text` (replacing what was kept for it). */
  set(text: string, value: V): void {
    const key = keyOf(text);
    const others = (this.cache.peek(key) ?? []).filter((kept) => kept.text !== text);
    this.cache.set(key, [...others.slice(-(PER_SAMPLE - 1)), { text, value }]);
  }

  /** Texts' keys kept now (short texts and long texts' samples). */
  get size(): number {
    return this.cache.size;
  }
}

/** The key of a text: itself when short, else a number from its length and a sample of its characters. */
function keyOf(text: string): string | number {
  return text.length < SAMPLED_FROM ? text : sampleOf(text);
}

/** A number from a text's length, its first 16 and last 64 characters, and 32 spread between (FNV-1a). */
function sampleOf(text: string): number {
  const n = text.length;
  let h = Math.imul(n, 0x01000193) >>> 0;
  const tail = n - 64;
  const step = Math.max(1, Math.floor((tail - 16) / 32));
  for (let i = 0; i < 16; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (let i = 16; i < tail; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(16, tail); i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
