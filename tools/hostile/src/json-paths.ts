/**
 * @module Hostile-input helper: addressing the nodes of a JSON value by path, to delete, replace
 * or add one field anywhere in a request body. Values are copied, never changed in place, since
 * the fixture's honest ballots are shared by every generated case.
 */

export type JsonPath = readonly (string | number)[];

/** Every path in `value` (the root excluded), parents before children. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push([...prefix, i], ...pathsOf(item, [...prefix, i])));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      out.push([...prefix, key], ...pathsOf(item, [...prefix, key]));
  }
  return out;
}

/** The paths whose node is an object (the root included), where a field may be added. */
export function objectPathsOf(value: unknown): JsonPath[] {
  return [[], ...pathsOf(value)].filter((path) => {
    const node = valueAt(value, path);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  let node = value;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

/** A copy of `value` with the node at `path` replaced by `change(node)`, or deleted if it gives `undefined`. */
export function changeAt(
  value: unknown,
  path: JsonPath,
  change: (node: unknown) => unknown
): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return change(value);
  const copy = (
    Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }
  ) as Record<string | number, unknown>;
  const next = changeAt(copy[step], rest, change);
  if (next !== undefined) copy[step] = next;
  else if (Array.isArray(copy)) copy.splice(step as number, 1);
  else delete copy[step];
  return copy;
}

/** The JSON type name, for "a value of another type". */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
