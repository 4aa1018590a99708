/** A seeded pseudo-random source returning floats in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough to make fault injection reproducible for a seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random identifier over the URL-safe base64 alphabet, shaped like Zoom's 22-character ids. */
export function randomId(random: Random, length = 22): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return id;
}
