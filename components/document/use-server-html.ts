// The document page's text and event panel are written as HTML strings from
// the annotations (view-hoppers.ts), on the server. Hydrating them needs
// none: React compares no inner HTML when hydrating, so the browser keeps the
// server's, and builds the string only once the annotations change (a live
// refresh) or for a component first rendered in the browser.

import { useState, useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/**
 * Whether the element's inner HTML is still the server's, written from `inputs`: true while hydrating, and after as long
 * as `inputs` are the same. The element is then given an empty string, which React leaves alone (its DOM stays the server's).
 */
export function useKeepsServerHtml(...inputs: readonly unknown[]): boolean {
  // True on the server and while hydrating; false when rendering in the browser.
  const fromServer = useSyncExternalStore(
    subscribeToNothing,
    () => false,
    () => true,
  );
  const [hydratedInputs] = useState(() => (fromServer && typeof window !== "undefined" ? inputs : null));
  return hydratedInputs !== null && hydratedInputs.length === inputs.length && hydratedInputs.every((input, i) => input === inputs[i]);
}
