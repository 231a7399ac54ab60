// setSpanBounds: new boundaries for a span; every nugget and argument that names its `T` follows.

import { describeBounds, quote } from "../conflict-messages";
import { findSpan, sameBounds } from "../document-lookup";
import { checkSpanFits, usesSpan } from "./document-updates";
import type { OperationKindSpec } from "./kind-spec";
import { checkBounds } from "../operation-validation";

export const setSpanBoundsKind: OperationKindSpec<"setSpanBounds"> = {
  apply(document, { spanIndex, from, to }, conflict) {
    const current = findSpan(document, spanIndex);
    if (!current) return conflict(`there is no span ${spanIndex}`);
    if (!sameBounds(current, from)) conflict(`${spanIndex} is ${describeBounds(current)} now, not ${describeBounds(from)}`);
    checkSpanFits(document.content, { index: spanIndex, ...to }, conflict);
    const bounds = { startOffset: to.startOffset, endOffset: to.endOffset, text: to.text };
    const hoppers = document.hoppers.map((hopper) => {
      if (!hopper.events.some((event) => usesSpan(event, spanIndex))) return hopper;
      const events = hopper.events.map((event) => {
        if (!usesSpan(event, spanIndex)) return event;
        const nugget = event.nugget.index === spanIndex ? { ...event.nugget, ...bounds } : event.nugget;
        const args = event.arguments.map((argument) => (argument.index === spanIndex ? { ...argument, ...bounds } : argument));
        return { ...event, nugget, arguments: args };
      });
      return { ...hopper, events };
    });
    return { ...document, hoppers };
  },
  invert: (operation) => ({ ...operation, from: operation.to, to: operation.from }),
  mapIndexes: (operation, map) => ({ ...operation, spanIndex: map.span(operation.spanIndex) }),
  appends: () => ({}),
  relocate: (_document, operation) => operation,
  describe: ({ spanIndex, to }) => `Resize ${spanIndex} to ${quote(to.text)}`,
  subject: ({ spanIndex }) => ({ span: spanIndex }),
  validate(document, { spanIndex, from, to }, context) {
    if (sameBounds(from, to)) context.refuse("changes-nothing", `the new bounds of ${spanIndex} are its bounds now`);
    checkBounds(document.content, { index: spanIndex, ...to }, context);
  },
  held({ spanIndex, from, to }, values) {
    values.addSpan({ index: spanIndex, ...from });
    values.addSpan({ index: spanIndex, ...to });
  },
};
