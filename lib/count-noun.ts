/** One formatter for every count: `toLocaleString` builds a new one per call, which a list of hundreds of counts feels. */
const COUNT_FORMAT = new Intl.NumberFormat("en");

/** "1 event", "2 events", "1,500 documents": a count with its noun, for messages and labels. */
export function countNoun(n: number, noun: string): string {
  return `${COUNT_FORMAT.format(n)} ${noun}${n === 1 ? "" : "s"}`;
}
