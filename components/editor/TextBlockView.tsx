import { memo, type ReactNode } from "react";
import type { HighlightSegment } from "@/lib/annotation/highlight-segments";
import { SpanMark } from "@/components/document/SpanMark";
import type { TextBlock } from "./text-blocks";

/**
 * One block of a paragraph, inline: it draws nothing of its own. Each
 * segment's characters sit in one `data-offset` element (what
 * lib/annotation/text-offsets.ts reads), wrapped in one `mark` per highlight
 * covering it, outermost first. Memoized on the block itself: an edit gives
 * new block objects only where highlights changed (text-blocks.ts), so only
 * those blocks re-render.
 */
export const TextBlockView = memo(
  function TextBlockView({ content, block }: { content: string; block: TextBlock }) {
    return <span data-block={block.start}>{block.segments.map((segment) => renderSegment(content, segment))}</span>;
  },
  (before, after) => before.content === after.content && before.block === after.block,
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
