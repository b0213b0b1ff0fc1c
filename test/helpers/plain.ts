/**
 * Maps built from user input have no prototype (so `__proto__` is a plain
 * name); `assert.deepStrictEqual` compares prototypes too. `plain` copies a
 * value with every such map made an ordinary object, for comparing with
 * literals. PyFloat and other class instances are kept as they are.
 */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plain) as T;
  if (value === null || typeof value !== "object") return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: plain(v), enumerable: true, writable: true, configurable: true });
  return out as T;
}
