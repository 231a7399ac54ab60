// `hopper agreement`'s printed report and its CSV. A figure that divides 0 by 0
// prints as "—" (and "n/a" in the CSV), never as 0 or 1.

import type { AgreementReport } from "./agreement-report";
import { flattenFigures, type LabelRow } from "./agreement-report";
import { ATTRIBUTE_NAMES, ATTRIBUTES, type PairFigures } from "./pair-agreement";
import type { ScoreFigures } from "./ratio";

const NOT_DEFINED = "—";

export function formatFigure(value: number | null, digits = 3): string {
  return value === null ? NOT_DEFINED : value.toFixed(digits);
}

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
function table(rows: string[][], indent = "  "): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join("  ")
        .trimEnd(),
  );
}

const scoreRow = (label: string, figures: ScoreFigures) => [
  label,
  formatFigure(figures.recall),
  formatFigure(figures.precision),
  formatFigure(figures.f1),
];

function figuresSection(figures: PairFigures, alpha?: AgreementReport["alpha"]): string[] {
  const rows = [
    ["", "recall", "precision", "F1"],
    scoreRow("nuggets, same span", figures.nuggets.exact),
    scoreRow("nuggets, overlapping span", figures.nuggets.overlap),
    scoreRow("arguments (span, role)", figures.arguments.spanRole),
    scoreRow("arguments (span, role, entity type)", figures.arguments.spanRoleEntityType),
  ];
  for (const [scope, coreference] of [
    ["all nuggets", figures.coreference.all],
    ["shared nuggets", figures.coreference.shared],
  ] as const) {
    rows.push(
      scoreRow(`hoppers over ${scope}: MUC`, coreference.muc),
      scoreRow(`hoppers over ${scope}: B³`, coreference.bcubed),
      scoreRow(`hoppers over ${scope}: CEAF-e`, coreference.ceafe),
      scoreRow(`hoppers over ${scope}: BLANC`, coreference.blanc),
      [`hoppers over ${scope}: CoNLL`, "", "", formatFigure(coreference.conll)],
    );
  }
  const decisions = [["matched items", "items", "agreement", "Cohen's κ", ...(alpha ? ["Krippendorff's α"] : [])]];
  for (const attribute of ATTRIBUTES) {
    const { items, observed, kappa } = figures.decisions[attribute];
    decisions.push([
      ATTRIBUTE_NAMES[attribute],
      String(items),
      formatFigure(observed),
      formatFigure(kappa),
      ...(alpha ? [formatFigure(alpha[attribute].alpha)] : []),
    ]);
  }
  return [...table(rows), "", ...table(decisions)];
}

function pairMatrix(report: AgreementReport, title: string, figure: (figures: PairFigures) => number | null): string[] {
  const { annotators } = report;
  const cell = new Map(
    report.pairs.flatMap((pair) => [
      [`${pair.key}\u0000${pair.response}`, figure(pair.figures)] as const,
      [`${pair.response}\u0000${pair.key}`, figure(pair.figures)] as const,
    ]),
  );
  const rows = [["", ...annotators]];
  for (const a of annotators)
    rows.push([a, ...annotators.map((b) => (a === b ? "·" : cell.has(`${a}\u0000${b}`) ? formatFigure(cell.get(`${a}\u0000${b}`)!) : ""))]);
  return [title, ...table(rows)];
}

function labelTable(title: string, labels: LabelRow[]): string[] {
  if (!labels.length) return [title, "  (none)"];
  return [
    title,
    ...table([
      ["", "key", "response", "matched", "F1"],
      ...labels.map((row) => [row.label, String(row.key), String(row.response), String(row.matched), formatFigure(row.f1)]),
    ]),
  ];
}

export function formatAgreementReport(report: AgreementReport, { documents = 20 }: { documents?: number } = {}): string {
  const lines = [
    `Agreement in project "${report.project}": ${report.annotators.length} annotators, ${report.comparedDocuments} documents compared` +
      (report.uncomparedDocuments ? ` (${report.uncomparedDocuments} with fewer than two sets left out)` : ""),
    `In each pair the annotator first by name is the key (recall is measured against it). ${NOT_DEFINED} marks a figure that divides 0 by 0.`,
  ];
  if (!report.comparedDocuments) return [...lines, "Nothing to compare: no document has two annotators' sets."].join("\n");
  lines.push("", "All pairs, all documents", ...figuresSection(report.total, report.alpha));
  if (report.ambiguousUnits)
    lines.push(`  (${report.ambiguousUnits} groups of matched events holding two events of one set left out of Krippendorff's α)`);
  lines.push(
    "",
    ...pairMatrix(report, "Annotator pairs: nugget F1 (same span)", (figures) => figures.nuggets.exact.f1),
    "",
    ...pairMatrix(report, "Annotator pairs: argument F1 (span, role)", (figures) => figures.arguments.spanRole.f1),
    "",
    ...pairMatrix(report, "Annotator pairs: CoNLL F1 (hoppers over all nuggets)", (figures) => figures.coreference.all.conll),
    "",
    ...pairMatrix(report, "Annotator pairs: subtype κ (matched nuggets)", (figures) => figures.decisions.subtype.kappa),
    "",
    ...labelTable("Per event subtype (nuggets matched with the subtype on both sides)", report.labels.subtypes),
    "",
    ...labelTable("Per argument role ((span, role) matches in matched events)", report.labels.roles),
    "",
  );
  const shown = report.documents.slice(0, documents);
  lines.push(
    `Worst documents first (${shown.length} of ${report.documents.length}; the score is the mean of the defined among nugget F1, subtype agreement, argument F1 and CoNLL F1)`,
    ...table([
      ["", "score", "nugget F1", "subtype agr.", "argument F1", "CoNLL F1", "annotators"],
      ...shown.map(({ name, score, figures, annotators }) => [
        name,
        formatFigure(score),
        formatFigure(figures.nuggets.exact.f1),
        formatFigure(figures.decisions.subtype.observed),
        formatFigure(figures.arguments.spanRole.f1),
        formatFigure(figures.coreference.all.conll),
        annotators.join(", "),
      ]),
    ]),
  );
  return lines.join("\n");
}

export const AGREEMENT_CSV_HEADER = ["scope", "document", "key", "response", "label", "metric", "value"];

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The report in long form, one figure a line: scope `project` (all pairs), `pair`,
 * `label` (subtype or role) or `document`; metric a dotted path such as
 * `nuggets.exact.f1` or `coreference.all.conll`; value "n/a" where not defined.
 */
export function agreementCsv(report: AgreementReport): string {
  const lines = [AGREEMENT_CSV_HEADER.join(",")];
  const add = (scope: string, document: string, key: string, response: string, label: string, figures: [string, number | null][]) => {
    for (const [metric, value] of figures)
      lines.push([scope, document, key, response, label, metric, value === null ? "n/a" : String(value)].map(csvCell).join(","));
  };
  add("project", "", "", "", "", [...flattenFigures(report.total), ...flattenFigures({ alpha: report.alpha })]);
  for (const pair of report.pairs) add("pair", "", pair.key, pair.response, "", [["documents", pair.documents], ...flattenFigures(pair.figures)]);
  for (const [kind, rows] of [
    ["subtype", report.labels.subtypes],
    ["role", report.labels.roles],
  ] as const) {
    for (const row of rows)
      add("label", "", "", "", row.label, flattenFigures({ [kind]: { key: row.key, response: row.response, matched: row.matched, f1: row.f1 } }));
  }
  for (const document of report.documents)
    add("document", document.name, "", "", "", [["score", document.score], ...flattenFigures(document.figures)]);
  return `${lines.join("\n")}\n`;
}
