import { memo, type ReactNode } from "react";
import type { HighlightSegment } from "@/lib/annotation/highlight-segments";
import { SpanMark } from "@/components/document/SpanMark";
import type { TextBlock } from "./text-blocks";

/**
 * One block of a paragraph, inline: it draws nothing of its own. Each
 * segment's characters sit in one `data-offset` element (what
 * lib/annotation/text-offsets.ts reads), wrapped in one `mark` per highlight
 * covering it, outermost first. A block not drawn yet (drawn-blocks.ts) is its
 * characters in one `data-offset` element, marked `data-plain`. Memoized on the
 * block itself: an edit gives new block objects only where highlights changed
 * (text-blocks.ts), so only those blocks re-render.
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
    return <span data-block={block.start}>{block.segments.map((segment) => renderSegment(content, segment))}</span>;
  },
  (before, after) => before.content === after.content && before.block === after.block && before.drawn === after.drawn,
);

function renderSegment(content: string, segment: HighlightSegment): ReactNode {
  let node: ReactNode = (
    <span key={segment.start} data-offset={segment.start}>
      {content.slice(segment.start, segment.end)}
    </span>
  );
  for (let i = segment.marks.length - 1; i >= 0; i--) {
    node = (
      <SpanMark key={segment.start} mark={segment.marks[i]} segment={segment}>
        {node}
      </SpanMark>
    );
  }
  return node;
}
