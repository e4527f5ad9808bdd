import { describe, expect, test } from 'vitest';
import { hashString, Prng } from './prng';

describe('Prng', () => {
  test('is deterministic per seed and label', () => {
    const a = new Prng(42, 'x');
    const b = new Prng(42, 'x');
    const c = new Prng(42, 'y');
    const seqA = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(seqA);
  });

  test('produces AWS-shaped identifiers', () => {
    const rng = new Prng(7);
    for (let i = 0; i < 200; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(rng.awsId('AKIA')).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(rng.s3RequestId()).toMatch(/^[0-9A-F]{16}$/);
      expect(rng.base64(75)).toMatch(/^[A-Za-z0-9+/]{75}$/);
      expect(rng.hex(13)).toMatch(/^[0-9a-f]{13}$/);
    }
  });

  test('long base64 strings never depend on uninitialised memory', () => {
    const a = new Prng(3).base64(617);
    const b = new Prng(3).base64(617);
    expect(a).toBe(b);
  });

  test('round keeps the expected value', () => {
    const rng = new Prng(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += rng.round(0.3);
    expect(sum / 20_000).toBeGreaterThan(0.28);
    expect(sum / 20_000).toBeLessThan(0.32);
  });

  test('hashString spreads similar labels', () => {
    expect(hashString('a')).not.toBe(hashString('b'));
    expect(hashString('storylines')).toBe(hashString('storylines'));
  });
});
