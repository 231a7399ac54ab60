import { memo } from "react";
import { segmentsHtml } from "@/components/document/annotated-text-html";
import type { TextBlock } from "./text-blocks";

/**
 * One block of a paragraph, inline: it draws nothing of its own. Its
 * segments are written as one HTML string (annotated-text-html.ts): each
 * segment's characters in one `data-offset` element, wrapped in one `mark` per
 * highlight covering it; React neither builds nor hydrates those elements. A
 * block not drawn yet (drawn-blocks.ts) is its characters in one `data-offset`
 * element, marked `data-plain`. Memoized on the block itself: an edit gives new
 * block objects only where highlights changed (text-blocks.ts), so only those
 * blocks are written again.
 */
export const TextBlockView = memo(
  function TextBlockView({ content, block, drawn }: { content: string; block: TextBlock; drawn: boolean }) {
    if (!drawn) {
      return (
        <span data-block={block.start} data-plain="">
          <span data-offset={block.start}>{content.slice(block.start, block.end)}</span>
        </span>
      );
    }
    return <span data-block={block.start} dangerouslySetInnerHTML={{ __html: segmentsHtml(content, block.segments, true) }} />;
  },
  (before, after) => before.content === after.content && before.block === after.block && before.drawn === after.drawn,
);
