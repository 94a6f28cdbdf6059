/**
 * A value list in the order the web shows it, kept as a Record of positions so that a value the
 * server adds fails to compile until it has its place.
 */

/** The values of `order`, first position first. */
export function inOrder<K extends string>(order: Record<K, number>): K[] {
  return (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);
}

/** True for a value of `order` (a value read from the address or a select). */
export function isValueOf<K extends string>(
  order: Record<K, number>,
  value: string | null,
): value is K {
  return value !== null && value in order;
}
