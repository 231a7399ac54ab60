"use client";

import { useEffect, useRef } from "react";

/** "Near": within a screen of the visible part of the list's scroll container. */
const NEAR = "100% 0px";

/**
 * The room of a long list's items not drawn yet, `height` tall: calls `onNear` once it comes near the visible part of
 * its scroll container (the page, or a panel scrolling on its own), so that a list of hundreds of items draws the few
 * screens its reader sees, not all of them.
 */
export function UndrawnItems({ height, onNear }: { height: string; onNear: () => void }) {
  const ref = useRef<HTMLLIElement>(null);
  // The latest callback, so that a parent's re-render does not observe again.
  const latest = useRef(onNear);
  useEffect(() => {
    latest.current = onNear;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && latest.current(), {
      root: scrollContainer(element),
      rootMargin: NEAR,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <li ref={ref} aria-hidden="true" style={{ height, listStyle: "none" }} data-undrawn="" />;
}

/** The nearest ancestor scrolling its content, if any: a root margin only widens the observer's own root. */
function scrollContainer(element: Element): Element | null {
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    const { overflowY } = getComputedStyle(ancestor);
    if ((overflowY === "auto" || overflowY === "scroll") && ancestor.scrollHeight > ancestor.clientHeight) return ancestor;
  }
  return null;
}
