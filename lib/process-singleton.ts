// Values that are the process's own, not a module's: the app's pages and route
// handlers are bundled apart, each with its own copy of a module, so a value
// kept in a module variable would be one per copy (a connection pool each, a
// cache that never sees the others' writes).

type ProcessGlobals = typeof globalThis & { [key: symbol]: unknown };

/** The value kept under `name` in this process, created by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`hopper.${name}`);
  const globals = globalThis as ProcessGlobals;
  if (!(key in globals)) globals[key] = create();
  return globals[key] as T;
}
