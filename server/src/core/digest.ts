/**
 * A short digest of a text, for naming an object's document in a fix edit (`ObjectRef.digest`): two
 * FNV-1a hashes with different offsets, 64 bits in all. Not cryptographic; it tells "the text the
 * edit was computed on" from "a text the object has since been edited to".
 */
export function digestOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
