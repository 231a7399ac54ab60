import assert from "node:assert/strict";
import { test } from "node:test";
import { domPointFromOffset, offsetFromDomPoint, offsetsFromRange, type DomNodeLike, type DomPoint } from "./text-offsets";

// Real DOM nodes fit the interface the module reads (checked by the type-checker only).
export const acceptsDomNodes: (node: Node) => DomNodeLike = (node) => node;

/** Just enough of a DOM node: type, parent, children, text and attributes. */
class FakeNode implements DomNodeLike {
  parentNode: FakeNode | null = null;
  readonly childNodes: FakeNode[] = [];

  constructor(
    readonly nodeType: number,
    private readonly text: string,
    private readonly attributes: Record<string, string>,
    readonly name: string,
  ) {}

  get textContent(): string {
    return this.nodeType === 3 ? this.text : this.childNodes.map((child) => child.textContent).join("");
  }

  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
}

function element(name: string, attributes: Record<string, string>, ...children: (FakeNode | string)[]): FakeNode {
  const node = new FakeNode(1, "", attributes, name);
  for (const child of children) {
    const childNode = typeof child === "string" ? new FakeNode(3, child, {}, `"${child}"`) : child;
    childNode.parentNode = node;
    node.childNodes.push(childNode);
  }
  return node;
}

const segment = (offset: number, ...children: (FakeNode | string)[]) => element("span", { "data-offset": String(offset) }, ...children);
const mark = (...children: (FakeNode | string)[]) => element("mark", {}, ...children);
const badge = (label: string) => element("sup", { "data-annotatable": "false" }, label);

// The content "Hackers have stolen data.\nThe clinic paid." rendered as the editor does:
// segments cut at span boundaries, nested marks for the nested nuggets "have stolen" and
// "stolen", badges after highlighted text, and a line break between paragraphs not rendered.
const CONTENT = "Hackers have stolen data.\nThe clinic paid.";
const root = element(
  "div",
  {},
  element(
    "p",
    {},
    segment(0, mark("Hackers", badge("Attacker"))),
    segment(7, " "),
    segment(8, mark("have ")),
    segment(13, mark(mark("stolen"), badge("Attack"))),
    segment(19, " data."),
  ),
  "\n",
  element("p", {}, segment(26, "The ", mark("clinic"), " paid.")),
);

/** The node found by walking child indexes from the root. */
function nodeAt(...path: number[]): FakeNode {
  return path.reduce((node: FakeNode, i) => node.childNodes[i], root);
}

/** The text node holding `text`. */
function textNode(text: string, node: FakeNode = root): FakeNode {
  if (node.nodeType === 3 && node.textContent === text) return node;
  for (const child of node.childNodes) {
    const found = textNode(text, child);
    if (found) return found;
  }
  return undefined as unknown as FakeNode;
}

const paragraph1 = nodeAt(0);
const paragraph2 = nodeAt(2);
const lineBreak = nodeAt(1);

test("a position in text counts the characters before it, through nested highlights", () => {
  assert.equal(offsetFromDomPoint(root, textNode("Hackers"), 3), 3);
  assert.equal(offsetFromDomPoint(root, textNode("have "), 0), 8);
  assert.equal(offsetFromDomPoint(root, textNode("stolen"), 2), 15);
  assert.equal(offsetFromDomPoint(root, textNode("The "), 4), 30);
  assert.equal(offsetFromDomPoint(root, textNode("clinic"), 0), 30);
  assert.equal(offsetFromDomPoint(root, textNode("clinic"), 6), 36);
  assert.equal(offsetFromDomPoint(root, textNode(" paid."), 6), 42);
  // Past the end of a text node: its end.
  assert.equal(offsetFromDomPoint(root, textNode("Hackers"), 99), 7);
});

test("a position between elements takes the next character going forward, the previous one going back", () => {
  const nested = nodeAt(0, 3, 0); // the outer mark of "stolen", holding the inner mark and a badge
  assert.equal(offsetFromDomPoint(root, nested, 0), 13);
  assert.equal(offsetFromDomPoint(root, nested, 1, "backward"), 19);
  assert.equal(offsetFromDomPoint(root, nested, 1, "forward"), 19);
  assert.equal(offsetFromDomPoint(root, paragraph1, 5, "backward"), 25);
  assert.equal(offsetFromDomPoint(root, root, 0), 0);
  assert.equal(offsetFromDomPoint(root, root, 3, "backward"), 42);
  assert.equal(offsetFromDomPoint(root, root, 3, "forward"), 42);
  // Between the paragraphs, where the line break is not rendered.
  assert.equal(offsetFromDomPoint(root, root, 1, "forward"), 26);
  assert.equal(offsetFromDomPoint(root, root, 1, "backward"), 25);
  assert.equal(offsetFromDomPoint(root, lineBreak, 1, "forward"), 26);
  assert.equal(offsetFromDomPoint(root, lineBreak, 0, "backward"), 25);
});

test("a position on a UI-only node (a badge) counts as just before or after it", () => {
  const label = textNode("Attacker");
  assert.equal(offsetFromDomPoint(root, label, 4, "forward"), 7);
  assert.equal(offsetFromDomPoint(root, label, 4, "backward"), 7);
  assert.equal(offsetFromDomPoint(root, textNode("Attack"), 2, "backward"), 19);
  assert.equal(offsetFromDomPoint(root, nodeAt(0, 0, 0, 1), 0), 7);
});

test("positions outside the root, or a root without annotatable text, give null", () => {
  const elsewhere = element("div", {}, segment(0, "Hackers"));
  assert.equal(offsetFromDomPoint(root, elsewhere.childNodes[0].childNodes[0], 1), null);
  const bare = element("div", {}, "no offsets here", badge("UI"));
  assert.equal(offsetFromDomPoint(bare, bare.childNodes[0], 2), null);
  assert.equal(offsetsFromRange(bare, { startContainer: bare, startOffset: 0, endContainer: bare, endOffset: 1 }), null);
});

test("offsetsFromRange: a selection across highlights and paragraphs", () => {
  const range = (startContainer: FakeNode, startOffset: number, endContainer: FakeNode, endOffset: number) =>
    offsetsFromRange(root, { startContainer, startOffset, endContainer, endOffset });
  assert.deepEqual(range(textNode("Hackers"), 0, textNode("stolen"), 6), { start: 0, end: 19 });
  assert.deepEqual(range(textNode("have "), 1, textNode("stolen"), 3), { start: 9, end: 16 });
  assert.deepEqual(range(textNode(" data."), 1, textNode("clinic"), 3), { start: 20, end: 33 });
  assert.equal(CONTENT.slice(20, 33), "data.\nThe cli");
});

test("offsetsFromRange: ends on elements and on badges", () => {
  const range = (startContainer: FakeNode, startOffset: number, endContainer: FakeNode, endOffset: number) =>
    offsetsFromRange(root, { startContainer, startOffset, endContainer, endOffset });
  // Selecting a whole paragraph element.
  assert.deepEqual(range(paragraph2, 0, paragraph2, 1), { start: 26, end: 42 });
  assert.deepEqual(range(root, 0, root, 1), { start: 0, end: 25 });
  // Starting on the badge after "Hackers", ending on the badge after "stolen".
  assert.deepEqual(range(textNode("Attacker"), 2, textNode("Attack"), 3), { start: 7, end: 19 });
  // Ending inside the outer mark, after the inner one.
  assert.deepEqual(range(textNode("have "), 0, nodeAt(0, 3, 0), 1), { start: 8, end: 19 });
});

test("offsetsFromRange: reversed selections and collapsed ones", () => {
  const range = (startContainer: FakeNode, startOffset: number, endContainer: FakeNode, endOffset: number) =>
    offsetsFromRange(root, { startContainer, startOffset, endContainer, endOffset });
  assert.deepEqual(range(textNode("stolen"), 6, textNode("Hackers"), 0), { start: 0, end: 19 });
  assert.deepEqual(range(textNode("Attack"), 3, textNode("Attacker"), 2), { start: 7, end: 19 });
  assert.deepEqual(range(textNode("clinic"), 2, textNode("clinic"), 2), { start: 32, end: 32 });
  // Both ends in the unrendered line break.
  assert.deepEqual(range(lineBreak, 0, lineBreak, 1), { start: 25, end: 25 });
});

test("domPointFromOffset finds the text node and leans forward or back at boundaries", () => {
  const describe = (point: DomPoint | null) => point && `${(point.node as FakeNode).name}@${point.offset}`;
  assert.equal(describe(domPointFromOffset(root, 3)), '"Hackers"@3');
  assert.equal(describe(domPointFromOffset(root, 7)), '" "@0');
  assert.equal(describe(domPointFromOffset(root, 7, "backward")), '"Hackers"@7');
  assert.equal(describe(domPointFromOffset(root, 15)), '"stolen"@2');
  assert.equal(describe(domPointFromOffset(root, 25)), '" data."@6');
  assert.equal(describe(domPointFromOffset(root, 26, "backward")), '"The "@0');
  assert.equal(describe(domPointFromOffset(root, 30)), '"clinic"@0');
  assert.equal(describe(domPointFromOffset(root, 30, "backward")), '"The "@4');
  assert.equal(describe(domPointFromOffset(root, 42)), '" paid."@6');
  assert.equal(domPointFromOffset(root, 43), null);
  assert.equal(domPointFromOffset(root, -1), null);
});

test("every rendered offset survives the trip to a DOM position and back", () => {
  for (let offset = 0; offset <= CONTENT.length; offset++) {
    for (const affinity of ["forward", "backward"] as const) {
      const point = domPointFromOffset(root, offset, affinity);
      assert.ok(point, `offset ${offset}`);
      const back = offsetFromDomPoint(root, point.node, point.offset, affinity);
      assert.equal(back, offset, `offset ${offset} ${affinity}`);
    }
  }
});

test("an element with its own data-offset inside another restarts the count; text outside every one is skipped", () => {
  const inner = segment(2, "cd");
  const outer = segment(0, "ab", inner, "ef");
  const other = element("div", {}, "junk", outer, " ", segment(10, "xy"));
  assert.equal(offsetFromDomPoint(other, outer.childNodes[2], 1), 5);
  assert.equal(offsetFromDomPoint(other, inner.childNodes[0], 1), 3);
  assert.equal(offsetFromDomPoint(other, other.childNodes[0], 2), 0);
  assert.equal(offsetFromDomPoint(other, other.childNodes[2], 0, "forward"), 10);
  assert.equal(offsetFromDomPoint(other, other.childNodes[2], 0, "backward"), 6);
  assert.deepEqual(offsetsFromRange(other, { startContainer: other.childNodes[0], startOffset: 1, endContainer: other, endOffset: 4 }), {
    start: 0,
    end: 12,
  });
});

test("a long text: positions are found by walking only what is near them", () => {
  // 400 paragraphs of 10 blocks of 10 highlighted segments, each "word " with a badge: 40,000 segments.
  const words: string[] = [];
  let reads = 0;
  class CountingNode extends FakeNode {
    override getAttribute(name: string): string | null {
      reads++;
      return super.getAttribute(name);
    }
  }
  const counted = (name: string, attributes: Record<string, string>, ...children: (FakeNode | string)[]) => {
    const node = new CountingNode(1, "", attributes, name);
    for (const child of children) {
      const childNode = typeof child === "string" ? new FakeNode(3, child, {}, `"${child}"`) : child;
      childNode.parentNode = node;
      node.childNodes.push(childNode);
    }
    return node;
  };
  let offset = 0;
  const paragraphs: FakeNode[] = [];
  for (let p = 0; p < 400; p++) {
    const blocks: FakeNode[] = [];
    for (let b = 0; b < 10; b++) {
      const segments: FakeNode[] = [];
      for (let s = 0; s < 10; s++) {
        const word = `w${words.length} `;
        words.push(word);
        segments.push(
          counted(
            "mark",
            { "data-span": `T${words.length}` },
            counted("span", { "data-offset": String(offset) }, word),
            counted("sup", { "data-annotatable": "false" }, "E1"),
          ),
        );
        offset += word.length;
      }
      blocks.push(counted("span", { "data-block": "" }, ...segments));
    }
    paragraphs.push(counted("p", {}, ...blocks));
    offset += 1; // the unrendered line break
  }
  const long = counted("div", {}, ...paragraphs);
  const content = Array.from({ length: 400 }, (_, p) => words.slice(p * 100, (p + 1) * 100).join("")).join("\n");
  assert.equal(content.length, offset - 1);

  for (const target of [0, 7, Math.floor(offset / 2), offset - 3]) {
    reads = 0;
    const point = domPointFromOffset(long, target);
    assert.ok(point, `offset ${target}`);
    assert.equal(offsetFromDomPoint(long, point.node, point.offset), target);
    assert.ok(reads < 500, `offset ${target}: ${reads} attribute reads for a text of 40,000 segments`);
  }
  // A selection from the badge of one word to the middle of another, far apart.
  reads = 0;
  const from = paragraphs[3].childNodes[2].childNodes[4];
  const to = paragraphs[390].childNodes[9].childNodes[1].childNodes[0].childNodes[0];
  const range = offsetsFromRange(long, { startContainer: from.childNodes[1].childNodes[0], startOffset: 1, endContainer: to, endOffset: 2 });
  assert.ok(reads < 500, `${reads} attribute reads`);
  assert.ok(range);
  assert.equal(content.slice(range.start, range.end), content.slice(content.indexOf("w325 "), content.indexOf("w39091 ") + 2));
});
