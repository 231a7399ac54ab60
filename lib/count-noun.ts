/** "1 event", "2 events", "1,500 documents": a count with its noun, for messages and labels. */
export function countNoun(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}
