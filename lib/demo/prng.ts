// Seeded randomness for the demo trail. Output must be byte-identical for a
// given seed, so nothing here may touch Math.random, Date.now or crypto RNGs.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Table lookup: toString(16) + padStart showed up as a hot spot at a million events. */
function hex8(n: number): string {
  return (
    (BYTE_HEX[n >>> 24] as string) +
    (BYTE_HEX[(n >>> 16) & 255] as string) +
    (BYTE_HEX[(n >>> 8) & 255] as string) +
    (BYTE_HEX[n & 255] as string)
  );
}

/** FNV-1a over a string; used to derive independent child seeds from labels. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that similar labels give unrelated seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * sfc32: small, fast and good enough for synthetic data. Streams are forked by
 * label so that, for example, the attack storylines do not shift when the
 * requested number of benign events changes.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, label = '') {
    this.a = hashString(`${label}#a`, seed >>> 0);
    this.b = hashString(`${label}#b`, seed >>> 0);
    this.c = hashString(`${label}#c`, seed >>> 0);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  fork(label: string): Prng {
    return new Prng(this.u32(), label);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks from [item, weight] pairs. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Rounds x up or down at random so that the expected value is x. */
  round(x: number): number {
    const floor = Math.floor(x);
    return floor + (this.next() < x - floor ? 1 : 0);
  }

  /** Normal(0, 1) by Box-Muller. */
  gaussian(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** n symbols of a power-of-two alphabet, five or six bits at a time from one u32. */
  private chars(alphabet: string, bits: number, n: number): string {
    const mask = (1 << bits) - 1;
    const perWord = Math.floor(32 / bits);
    let out = '';
    let word = 0;
    let left = 0;
    for (let i = 0; i < n; i++) {
      if (left === 0) {
        word = this.u32();
        left = perWord;
      }
      out += alphabet[word & mask];
      word >>>= bits;
      left--;
    }
    return out;
  }

  hex(n: number): string {
    let out = '';
    while (out.length < n) out += hex8(this.u32());
    return out.slice(0, n);
  }

  alnum(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += ALNUM[this.int(ALNUM.length)];
    return out;
  }

  base32(n: number): string {
    return this.chars(BASE32, 5, n);
  }

  /** Long random base64 (session tokens, x-amz-id-2) without per-character string churn. */
  base64(n: number): string {
    // A whole number of words, so every byte is written (allocUnsafe is not zeroed).
    const bytes = Buffer.allocUnsafe((Math.ceil((n * 3) / 16) + 1) * 4);
    for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE(this.u32(), i);
    return bytes.toString('base64').slice(0, n);
  }

  /** RFC 4122 version-4 shaped, as CloudTrail eventIDs and most requestIDs are. */
  uuid(): string {
    const a = hex8(this.u32());
    const b = hex8(this.u32());
    const c = hex8(((this.u32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex8(this.u32());
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }

  /** 16 upper-case hex chars, the shape of S3 request ids. */
  s3RequestId(): string {
    return (hex8(this.u32()) + hex8(this.u32())).toUpperCase();
  }

  /** AWS unique-id style: AKIA/ASIA/AIDA/AROA + 16-17 upper-case base32 chars. */
  awsId(prefix: 'AKIA' | 'ASIA' | 'AIDA' | 'AROA' | 'ANPA' | 'AGPA', length = 16): string {
    return prefix + this.base32(length);
  }
}
