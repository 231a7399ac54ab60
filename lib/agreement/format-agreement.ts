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

/** A row of the figures' first table: a recall, a precision and an F1, or (CoNLL) an F1 alone. */
export interface ScoreRow {
  label: string;
  figures: ScoreFigures | { f1: number | null };
}

/** The span and hopper figures of a pair (or of all pairs), in the order the report shows them. */
export function scoreRows(figures: PairFigures): ScoreRow[] {
  const rows: ScoreRow[] = [
    { label: "nuggets, same span", figures: figures.nuggets.exact },
    { label: "nuggets, overlapping span", figures: figures.nuggets.overlap },
    { label: "arguments (span, role)", figures: figures.arguments.spanRole },
    { label: "arguments (span, role, entity type)", figures: figures.arguments.spanRoleEntityType },
  ];
  for (const [scope, coreference] of [
    ["all nuggets", figures.coreference.all],
    ["shared nuggets", figures.coreference.shared],
  ] as const) {
    rows.push(
      { label: `hoppers over ${scope}: MUC`, figures: coreference.muc },
      { label: `hoppers over ${scope}: B³`, figures: coreference.bcubed },
      { label: `hoppers over ${scope}: CEAF-e`, figures: coreference.ceafe },
      { label: `hoppers over ${scope}: BLANC`, figures: coreference.blanc },
      { label: `hoppers over ${scope}: CoNLL`, figures: { f1: coreference.conll } },
    );
  }
  return rows;
}

function figuresSection(figures: PairFigures, alpha?: AgreementReport["alpha"]): string[] {
  const rows = [
    ["", "recall", "precision", "F1"],
    ...scoreRows(figures).map(({ label, figures: row }) =>
      "recall" in row ? [label, formatFigure(row.recall), formatFigure(row.precision), formatFigure(row.f1)] : [label, "", "", formatFigure(row.f1)],
    ),
  ];
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

/** The figures shown for every pair of annotators, one matrix each. */
export const PAIR_MATRICES: { title: string; figure: (figures: PairFigures) => number | null }[] = [
  { title: "nugget F1 (same span)", figure: (figures) => figures.nuggets.exact.f1 },
  { title: "argument F1 (span, role)", figure: (figures) => figures.arguments.spanRole.f1 },
  { title: "CoNLL F1 (hoppers over all nuggets)", figure: (figures) => figures.coreference.all.conll },
  { title: "subtype κ (matched nuggets)", figure: (figures) => figures.decisions.subtype.kappa },
];

/** The figures shown for each document, beside its score (see `documentScore`). */
export const DOCUMENT_COLUMNS: { title: string; figure: (figures: PairFigures) => number | null }[] = [
  { title: "nugget F1", figure: (figures) => figures.nuggets.exact.f1 },
  { title: "subtype agr.", figure: (figures) => figures.decisions.subtype.observed },
  { title: "argument F1", figure: (figures) => figures.arguments.spanRole.f1 },
  { title: "CoNLL F1", figure: (figures) => figures.coreference.all.conll },
];

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
    ...PAIR_MATRICES.flatMap(({ title, figure }) => [...pairMatrix(report, `Annotator pairs: ${title}`, figure), ""]),
    ...labelTable("Per event subtype (nuggets matched with the subtype on both sides)", report.labels.subtypes),
    "",
    ...labelTable("Per argument role ((span, role) matches in matched events)", report.labels.roles),
    "",
  );
  const shown = report.documents.slice(0, documents);
  lines.push(
    `Worst documents first (${shown.length} of ${report.documents.length}; the score is the mean of the defined among nugget F1, subtype agreement, argument F1 and CoNLL F1)`,
    ...table([
      ["", "score", ...DOCUMENT_COLUMNS.map((column) => column.title), "annotators"],
      ...shown.map(({ name, score, figures, annotators }) => [
        name,
        formatFigure(score),
        ...DOCUMENT_COLUMNS.map((column) => formatFigure(column.figure(figures))),
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
