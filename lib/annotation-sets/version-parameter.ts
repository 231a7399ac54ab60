// A version named in a URL's query (`?version=12`, `?before=40`): digits only, within int range.

/** The number, null when the parameter is absent, or an error message for people when it is not a version. */
export function versionParameter(url: URL, name: string): number | null | { error: string } {
  const value = url.searchParams.get(name);
  if (value === null) return null;
  if (!/^\d{1,9}$/.test(value)) return { error: `${name} must be a version number, not ${JSON.stringify(value.slice(0, 40))}.` };
  return Number(value);
}
