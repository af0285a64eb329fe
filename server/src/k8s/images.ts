/** Container image references. */

export type ImageReference = { kind: 'digest' } | { kind: 'tag'; tag: string } | { kind: 'untagged' };

/**
 * Splits an image reference the way container runtimes do: a digest after `@` pins it; otherwise a
 * tag is whatever follows the last `:` of the last path component, so `registry:5000/app` has no tag.
 */
export function parseImageReference(image: string): ImageReference {
  if (image.includes('@')) return { kind: 'digest' };
  const lastComponent = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastComponent.lastIndexOf(':');
  return colon === -1 ? { kind: 'untagged' } : { kind: 'tag', tag: lastComponent.slice(colon + 1) };
}
