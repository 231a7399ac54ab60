// Hand-made annotation sets for the agreement tests: events placed by the text
// they cover in one short article, numbered as the test says (each set numbers its own).

import type { CasieArgument, CasieEvent, CasieHopper, CasieSpan } from "@/lib/casie/types";

export const ARTICLE = "Hackers stole data from Acme Corp. Acme paid a ransom to the gang. The gang leaked the files anyway.";

export function spanOf(index: string, text: string, occurrence = 0): CasieSpan {
  let startOffset = -1;
  for (let i = 0; i <= occurrence; i++) startOffset = ARTICLE.indexOf(text, startOffset + 1);
  if (startOffset === -1) throw new Error(`${text} is not in the test article`);
  return { index, startOffset, endOffset: startOffset + text.length, text };
}

export function argument(index: string, text: string, role: string, entityType: string): CasieArgument {
  return { ...spanOf(index, text), entityType, role: { type: role } };
}

export function event(index: string, nugget: CasieSpan, subtype: string, realis: string, args: CasieArgument[] = []): CasieEvent {
  const type = subtype === "Vulnerability-related" ? "Vulnerability-related" : "Attack";
  return { index, type, subtype, realis, nugget, arguments: args };
}

export function hoppers(...groups: CasieEvent[][]): CasieHopper[] {
  return groups.map((events, index) => ({ index, relation: events.length > 1 ? "Same" : undefined, events }));
}
