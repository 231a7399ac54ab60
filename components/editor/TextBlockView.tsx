import { memo, type ReactNode } from "react";
import type { HighlightSegment } from "@/lib/annotation/highlight-segments";
import { SpanMark } from "@/components/document/SpanMark";
import type { TextBlock } from "./text-blocks";

/**
 * One block of a paragraph, inline: it draws nothing of its own. Each
 * segment's characters sit in one `data-offset` element (what
 * lib/annotation/text-offsets.ts reads), wrapped in one `mark` per highlight
 * covering it, outermost first. Memoized on the block's signature: an edit
 * re-renders only the blocks whose highlights changed.
 */
export const TextBlockView = memo(
  function TextBlockView({ content, block }: { content: string; block: TextBlock }) {
    return <span data-block={block.start}>{block.segments.map((segment) => renderSegment(content, segment))}</span>;
  },
  (before, after) => before.content === after.content && before.block.signature === after.block.signature,
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
