import assert from "node:assert/strict";
import { test } from "node:test";
import type { CasieArgument, CasieEvent, CasieHopper, CasieSpan } from "@/lib/casie/types";
import { eventSpanIndexes } from "./event-spans";
import { collectHighlightMarks, hasMismatchedMarks, HighlightMarks, highlightParagraphs, type HighlightParagraph } from "./highlight-segments";

const CONTENT = "Hackers have stolen the data of patients from a clinic in Lithuania.";

function span(content: string, index: string, startOffset: number, endOffset: number): CasieSpan {
  return { index, startOffset, endOffset, text: content.slice(startOffset, endOffset) };
}

function argument(s: CasieSpan, role: string, entityType = "Person"): CasieArgument {
  return { ...s, role: { type: role }, entityType };
}

function event(index: string, nugget: CasieSpan, args: CasieArgument[] = [], type = "Attack"): CasieEvent {
  return { index, type, subtype: "Databreach", realis: "Actual", nugget, arguments: args };
}

/** Each segment as "text[T1 T2]", marks as `kind:T` in render order. */
function describe(paragraphs: HighlightParagraph[], content: string): string[][] {
  return paragraphs.map((p) =>
    p.segments.map((s) => `${content.slice(s.start, s.end)}[${s.marks.map((m) => `${m.kind[0]}:${m.spanIndex}`).join(" ")}]`),
  );
}

function highlight(content: string, hoppers: CasieHopper[]) {
  return highlightParagraphs(content, collectHighlightMarks(content, hoppers));
}

test("text without annotations is one paragraph of one segment", () => {
  assert.deepEqual(describe(highlight(CONTENT, []), CONTENT), [[`${CONTENT}[]`]]);
  assert.deepEqual(highlight("", []), []);
});

test("disjoint spans cut the text into marked and plain segments", () => {
  const hoppers = [{ index: 0, events: [event("E1", span(CONTENT, "T1", 8, 19), [argument(span(CONTENT, "T2", 0, 7), "Attacker")])] }];
  assert.deepEqual(describe(highlight(CONTENT, hoppers), CONTENT), [
    ["Hackers[a:T2]", " []", "have stolen[n:T1]", " the data of patients from a clinic in Lithuania.[]"],
  ]);
});

test("nested spans: the outer mark covers every piece, the inner one gets its own layer", () => {
  const outer = span(CONTENT, "T1", 20, 40); // "the data of patients"
  const inner = span(CONTENT, "T2", 32, 40); // "patients"
  const hoppers = [{ index: 0, events: [event("E1", span(CONTENT, "T3", 8, 19), [argument(outer, "Compromised-Data"), argument(inner, "Victim")])] }];
  const marks = collectHighlightMarks(CONTENT, hoppers);
  const paragraphs = highlightParagraphs(CONTENT, marks);
  assert.deepEqual(describe(paragraphs, CONTENT)[0].slice(3, 6), ["the data of [a:T1]", "patients[a:T1 a:T2]", " from a clinic in Lithuania.[]"]);
  const layer = (t: string) => marks.find((m) => m.spanIndex === t)!.layer;
  assert.equal(layer("T1"), 0);
  assert.equal(layer("T2"), 1);
  assert.equal(layer("T3"), 0, "nuggets are layered apart from arguments");
});

test("overlapping spans are cut where each one starts and ends", () => {
  const a = span(CONTENT, "T1", 0, 12); // "Hackers have"
  const b = span(CONTENT, "T2", 8, 19); // "have stolen"
  const hoppers = [{ index: 0, events: [event("E1", b, [argument(a, "Attacker")])] }];
  assert.deepEqual(describe(highlight(CONTENT, hoppers), CONTENT)[0].slice(0, 3), ["Hackers [a:T1]", "have[a:T1 n:T2]", " stolen[n:T2]"]);
  const marks = collectHighlightMarks(CONTENT, [
    { index: 0, events: [event("E1", span(CONTENT, "T9", 60, 68), [argument(a, "Attacker"), argument(b, "Victim")])] },
  ]);
  assert.notEqual(marks.find((m) => m.spanIndex === "T1")!.layer, marks.find((m) => m.spanIndex === "T2")!.layer);
});

test("an argument shared by two events is one mark listing both uses", () => {
  const shared = span(CONTENT, "T5", 48, 54); // "clinic"
  const hoppers: CasieHopper[] = [
    { index: 0, events: [event("E1", span(CONTENT, "T1", 8, 19), [argument(shared, "Victim", "Organization")])] },
    { index: 1, events: [event("E2", span(CONTENT, "T2", 0, 7), [argument(shared, "Place", "GPE")], "Vulnerability-related")] },
  ];
  const marks = collectHighlightMarks(CONTENT, hoppers).filter((m) => m.spanIndex === "T5");
  assert.equal(marks.length, 1);
  assert.deepEqual(marks[0].eventIndices, ["E1", "E2"]);
  assert.deepEqual(
    marks[0].uses.map((u) => [u.eventIndex, u.hopperIndex, u.eventType, u.role, u.entityType]),
    [
      ["E1", 0, "Attack", "Victim", "Organization"],
      ["E2", 1, "Vulnerability-related", "Place", "GPE"],
    ],
  );
});

test("a span that is one event's nugget and another's argument gives two marks, nugget innermost", () => {
  const s = span(CONTENT, "T1", 8, 19);
  const hoppers = [{ index: 0, events: [event("E1", s), event("E2", span(CONTENT, "T2", 0, 7), [argument(s, "Purpose", "Purpose")])] }];
  const segments = highlight(CONTENT, hoppers)[0].segments;
  assert.deepEqual(describe([{ start: 0, end: 0, segments }], CONTENT)[0][2], "have stolen[a:T1 n:T1]");
  assert.deepEqual(
    segments[2].marks.map((m) => m.eventIndices),
    [["E2"], ["E1"]],
  );
});

test("line breaks split paragraphs, and a span across a break is drawn in both", () => {
  const content = "First line.\r\nSecond line.\n\nThird.";
  const hoppers = [{ index: 0, events: [event("E1", span(content, "T1", 6, 19))] }];
  assert.deepEqual(describe(highlight(content, hoppers), content), [["First []", "line.[n:T1]"], ["Second[n:T1]", " line.[]"], ["Third.[]"]]);
});

test("shifted spans are flagged, out-of-range ones clamped, empty ones skipped", () => {
  const shifted = { index: "T1", startOffset: 1, endOffset: 8, text: "Hackers" };
  const beyond = { index: "T2", startOffset: 60, endOffset: 500, text: "Lithuania." };
  const empty = { index: "T3", startOffset: 5, endOffset: 5, text: "" };
  const hoppers = [{ index: 0, events: [event("E1", shifted, [argument(beyond, "Place"), argument(empty, "Time")])] }];
  const marks = collectHighlightMarks(CONTENT, hoppers);
  assert.deepEqual(
    marks.map((m) => [m.spanIndex, m.startOffset, m.endOffset, m.textMatches]),
    [
      ["T1", 1, 8, false],
      ["T2", 60, CONTENT.length, false],
    ],
  );
  assert.equal(hasMismatchedMarks(CONTENT, hoppers), true);
});

test("mismatched marks are found without collecting them: an empty span's text does not count", () => {
  const fine = { index: "T1", startOffset: 0, endOffset: 7, text: "Hackers" };
  const emptyElsewhere = { index: "T3", startOffset: 5, endOffset: 5, text: "something" };
  const hoppers = [{ index: 0, events: [event("E1", fine, [argument(emptyElsewhere, "Time")])] }];
  assert.equal(
    collectHighlightMarks(CONTENT, hoppers).some((mark) => !mark.textMatches),
    false,
  );
  assert.equal(hasMismatchedMarks(CONTENT, hoppers), false);
  assert.equal(hasMismatchedMarks(CONTENT, []), false);
});

test("segments always tile the content and list exactly the marks covering them", () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const content = "abc def\nghi jkl mno\npqr stu vwx yz".repeat(4);
  for (let round = 0; round < 50; round++) {
    const events: CasieEvent[] = [];
    for (let e = 0; e < 6; e++) {
      const s = (i: number) => {
        const start = random(content.length);
        return span(content, `T${e}_${i}`, start, start + 1 + random(12));
      };
      events.push(event(`E${e}`, s(0), [argument(s(1), "Victim"), argument(s(2), "Tool")]));
    }
    const marks = collectHighlightMarks(content, [{ index: 0, events }]);
    const paragraphs = highlightParagraphs(content, marks);
    const covered: number[] = [];
    for (const p of paragraphs) {
      assert.equal(p.segments[0].start, p.start);
      assert.equal(p.segments.at(-1)!.end, p.end);
      for (const [i, segment] of p.segments.entries()) {
        if (i > 0) assert.equal(segment.start, p.segments[i - 1].end);
        const expected = marks.filter((m) => m.startOffset <= segment.start && segment.end <= m.endOffset);
        assert.deepEqual(new Set(segment.marks), new Set(expected));
        assert.ok(!marks.some((m) => m.startOffset > segment.start && m.startOffset < segment.end), "no mark starts inside a segment");
        for (let c = segment.start; c < segment.end; c++) covered.push(c);
      }
    }
    assert.deepEqual(
      covered,
      [...content].flatMap((ch, i) => (ch === "\n" ? [] : [i])),
    );
    for (const kind of ["nugget", "argument"]) {
      const same = marks.filter((m) => m.kind === kind);
      for (const a of same)
        for (const b of same) if (a !== b && a.startOffset < b.endOffset && b.startOffset < a.endOffset) assert.notEqual(a.layer, b.layer);
    }
  }
});

test("marks collected again after edits are those of a fresh collection, and the ones an edit left alone are the same objects", () => {
  const victim = argument(span(CONTENT, "T2", 20, 40), "Victim");
  const e1 = event("E1", span(CONTENT, "T1", 8, 19), [victim]);
  const e2 = event("E2", span(CONTENT, "T3", 48, 54), [argument(span(CONTENT, "T4", 58, 67), "Place")]);
  const marks = new HighlightMarks(CONTENT);
  const before = marks.collect([
    { index: 0, events: [e1] },
    { index: 1, events: [e2] },
  ]);
  const mark = (list: typeof before, kind: string, index: string) => list.find((m) => m.kind === kind && m.spanIndex === index)!;

  // E2's type changes, and E1 gets an argument nested in T2 (a second underline layer under T2's).
  const e2Changed = { ...e2, type: "Vulnerability" };
  const e1Changed = { ...e1, arguments: [victim, argument(span(CONTENT, "T5", 32, 40), "Victim")] };
  const edited = [
    { index: 0, events: [e1Changed] },
    { index: 1, events: [e2Changed] },
  ];
  const after = marks.collect(edited);
  assert.deepEqual(after, collectHighlightMarks(CONTENT, edited));
  assert.equal(mark(after, "argument", "T2"), mark(before, "argument", "T2"), "its uses and layer are the same");
  assert.notEqual(mark(after, "nugget", "T3"), mark(before, "nugget", "T3"));
  assert.equal(mark(after, "nugget", "T3").uses[0].eventType, "Vulnerability");
  assert.equal(mark(after, "argument", "T5").layer, 1);

  // T2 shared by E2 as well: one mark with both uses, a new object.
  const shared = [
    { index: 0, events: [e1Changed] },
    { index: 1, events: [{ ...e2Changed, arguments: [...e2Changed.arguments, victim] }] },
  ];
  const sharedMarks = marks.collect(shared);
  assert.deepEqual(sharedMarks, collectHighlightMarks(CONTENT, shared));
  assert.deepEqual(mark(sharedMarks, "argument", "T2").eventIndices, ["E1", "E2"]);
  assert.equal(marks.collect(shared)[0], sharedMarks[0], "nothing changed: the same marks");
});

test("a 30 KB document with 2,000 spans is highlighted in well under a second", () => {
  const content = "The attackers exfiltrated records from the hospital network. ".repeat(500);
  const events: CasieEvent[] = [];
  for (let e = 0; e < 500; e++) {
    const base = e * 60;
    events.push(
      event(`E${e}`, span(content, `T${4 * e}`, base + 14, base + 25), [
        argument(span(content, `T${4 * e + 1}`, base, base + 13), "Attacker"),
        argument(span(content, `T${4 * e + 2}`, base + 26, base + 33), "Compromised-Data"),
        argument(span(content, `T${4 * e + 3}`, base + 26, base + 59), "Victim"),
      ]),
    );
  }
  const started = performance.now();
  const paragraphs = highlight(content, [{ index: 0, events }]);
  const elapsed = performance.now() - started;
  assert.equal(paragraphs.length, 1);
  assert.ok(elapsed < 500, `took ${elapsed.toFixed(0)} ms`);
});

test("eventSpanIndexes lists the nugget then each argument span once", () => {
  const shared = span(CONTENT, "T3", 48, 54);
  const e = event("E1", span(CONTENT, "T1", 8, 19), [
    argument(span(CONTENT, "T2", 0, 7), "Attacker"),
    argument(shared, "Victim"),
    argument(shared, "Place"),
  ]);
  assert.deepEqual(eventSpanIndexes(e), ["T1", "T2", "T3"]);
});

test("marks collected up to an offset are those of spans starting before it; collected in full later, they are kept", () => {
  // T2 starts before 30 and runs past it; T3 and T4 start after it, T4 as an argument of E1, whose nugget starts before.
  const e1 = event("E1", span(CONTENT, "T1", 8, 19), [
    argument(span(CONTENT, "T2", 20, 40), "Victim"),
    argument(span(CONTENT, "T4", 58, 67), "Place"),
  ]);
  const e2 = event("E2", span(CONTENT, "T3", 48, 54));
  const hoppers = [
    { index: 0, events: [e1] },
    { index: 1, events: [e2] },
  ];
  const marks = new HighlightMarks(CONTENT);
  const early = marks.collect(hoppers, 30);
  assert.deepEqual(
    early.map((mark) => mark.spanIndex),
    ["T1", "T2"],
  );
  const all = marks.collect(hoppers);
  assert.deepEqual(all, collectHighlightMarks(CONTENT, hoppers));
  assert.equal(
    all.find((mark) => mark.spanIndex === "T2"),
    early[1],
  );
});
