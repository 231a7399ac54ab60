"use client";

import { startTransition, useCallback, useEffect, useState, type RefObject } from "react";
import { whenIdle } from "@/components/ui/when-idle";
import { EAGER_ONLY, undrawnStarts, withDrawn, type DrawnBlocks } from "./drawn-blocks";
import type { TextParagraph } from "./text-blocks";

/** Blocks drawn per background step: a few milliseconds of rendering, so a key pressed meanwhile waits no longer. */
const BLOCKS_PER_STEP = 6;
/** "Near the viewport": within a screen of it. */
const NEAR = "100% 0px";

/**
 * The blocks drawn with their highlights (drawn-blocks.ts), and a function
 * drawing more: the eager ones as the server rendered them, then, once the
 * editor is mounted, the others in the background, a few per idle moment, in
 * transitions a key interrupts: those near the viewport first, then the rest
 * in text order. Blocks not drawn carry `data-plain` (TextBlockView.tsx).
 */
export function useDrawnBlocks(
  paragraphs: readonly TextParagraph[],
  textRef: RefObject<HTMLElement | null>,
): [DrawnBlocks, (starts: number[]) => void] {
  const [drawn, setDrawn] = useState<DrawnBlocks>(EAGER_ONLY);
  const draw = useCallback((starts: number[]) => startTransition(() => setDrawn((current) => withDrawn(paragraphs, current, starts))), [paragraphs]);

  // One observer for the text's plain blocks, each let go once drawn; observed again only when the blocks change.
  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    const near = new IntersectionObserver(
      (entries) => {
        const reached = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
        for (const block of reached) near.unobserve(block);
        if (reached.length) draw(reached.map((block) => Number(block.getAttribute("data-block"))));
      },
      { rootMargin: NEAR },
    );
    for (const block of root.querySelectorAll("[data-plain]")) near.observe(block);
    return () => near.disconnect();
  }, [draw, textRef]);

  useEffect(() => {
    if (drawn === "all") return;
    return whenIdle(() => draw(undrawnStarts(paragraphs, drawn).slice(0, BLOCKS_PER_STEP)));
  }, [drawn, draw, paragraphs]);

  return [drawn, draw];
}
