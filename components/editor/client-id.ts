/** A random id for this window (crypto.randomUUID needs a secure context; getRandomValues does not): it names the window's operations and its presence. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
