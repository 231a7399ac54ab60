// The document page's mark tooltips. The page's HTML carries none (a long
// text has thousands of marks): the one under the pointer gets its title on
// hover, read from the event panel, which says every event's type and every
// argument's role and entity type (EventPanel.tsx writes the children read here).

import { argumentUse, markTitle, nuggetUse } from "./mark-attributes";

/** Gives the mark at `target` (if any) its tooltip, as the editor's describeMark words it. */
export function titleMarkAt(root: Element, target: Element): void {
  const mark = target.closest("mark[data-span]");
  if (!mark || mark.hasAttribute("title")) return;
  const span = mark.getAttribute("data-span")!;
  const nugget = mark.getAttribute("data-kind") === "nugget";
  let storedText: string | null = null;
  const uses: string[] = [];
  for (const event of mark.getAttribute("data-events")?.split(" ") ?? []) {
    const item = root.querySelector(`[data-event="${CSS.escape(event)}"]`);
    // The event's button: index, "Type / Subtype", realis, “nugget”; an argument's item: role, entity type, “text”.
    const parts = nugget
      ? item?.querySelector("[data-select-event]")?.children
      : item?.querySelector(`[data-argument="${CSS.escape(span)}"]`)?.children;
    if (!parts) continue;
    uses.push(nugget ? nuggetUse(event, parts[1].textContent ?? "") : argumentUse(event, parts[0].textContent ?? "", parts[1].textContent ?? ""));
    storedText ??= (parts[nugget ? 3 : 2].textContent ?? "").slice(1, -1);
  }
  mark.setAttribute("title", markTitle(span, uses, mark.hasAttribute("data-mismatch") ? storedText : null));
}
