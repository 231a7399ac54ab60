import assert from "node:assert/strict";
import { test } from "node:test";
import { agreementReport } from "./agreement-report";
import { agreementCsv, formatAgreementReport } from "./format-agreement";
import { projectAgreement } from "./project-agreement";
import { argument, event, hoppers, spanOf } from "./test-sets";

const stole = event("E1", spanOf("T1", "stole"), "Databreach", "Actual", [argument("T2", "Hackers", "Attacker", "Organization")]);

test("the printed report: figures that divide 0 by 0 print as —, never 0 or 1", () => {
  const report = agreementReport(
    "Cyber",
    projectAgreement([
      {
        documentId: "d",
        name: "one",
        sets: [
          { annotator: "ann", hoppers: hoppers([stole]) },
          { annotator: "bob", hoppers: hoppers([stole]) },
        ],
      },
    ]),
  );
  const text = formatAgreementReport(report);
  // One event each, alike: nuggets perfect; MUC and BLANC have nothing to count.
  assert.match(text, /nuggets, same span\s+1\.000\s+1\.000\s+1\.000/);
  assert.match(text, /hoppers over all nuggets: MUC\s+—\s+—\s+—/);
  assert.match(text, /hoppers over all nuggets: BLANC\s+—\s+—\s+—/);
  assert.match(text, /hoppers over all nuggets: CoNLL\s+—/);
  // One subtype on both sides: agreement 1, kappa not defined.
  assert.match(text, /subtype\s+1\s+1\.000\s+—\s+—/);
  assert.match(text, /ann\s+·\s+1\.000/);
});

test("nothing to compare is said so", () => {
  const report = agreementReport(
    "Cyber",
    projectAgreement([{ documentId: "d", name: "one", sets: [{ annotator: "ann", hoppers: hoppers([stole]) }] }]),
  );
  assert.match(formatAgreementReport(report), /Nothing to compare: no document has two annotators' sets\./);
});

test("the CSV: one figure a line, n/a where not defined, cells with commas or quotes quoted", () => {
  const report = agreementReport(
    "Cyber",
    projectAgreement([
      {
        documentId: "d",
        name: 'a, "quoted" name',
        sets: [
          { annotator: "ann", hoppers: hoppers([stole]) },
          { annotator: "bob", hoppers: hoppers() },
        ],
      },
    ]),
  );
  const lines = agreementCsv(report).trimEnd().split("\n");
  assert.equal(lines[0], "scope,document,key,response,label,metric,value");
  assert.ok(lines.includes("project,,,,,nuggets.exact.recall,0"));
  assert.ok(lines.includes("project,,,,,nuggets.exact.precision,n/a"));
  assert.ok(lines.includes("project,,,,,nuggets.exact.f1,0"));
  assert.ok(lines.includes("pair,,ann,bob,,documents,1"));
  assert.ok(lines.includes("label,,,,Attack/Databreach,subtype.f1,0"));
  assert.ok(lines.includes('document,"a, ""quoted"" name",,,,score,0'));
  assert.ok(lines.includes("project,,,,,alpha.subtype.alpha,n/a"));
});
