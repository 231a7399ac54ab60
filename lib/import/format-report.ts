import type { CasieIssue } from "@/lib/casie/types";
import { summarizeIssues } from "@/lib/casie";
import type { ImportReport } from "./import-files";
import { countNoun } from "@/lib/count-noun";

function locate(issue: CasieIssue): string {
  const where = issue.line !== undefined ? ` (line ${issue.line}, column ${issue.column})` : "";
  return `${issue.path}: ${issue.message}${where}`;
}

/** The end-of-run report of `hopper import`, one line per fact, each naming its file. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const { imported, skipped } = report;
  const sum = (key: "hoppers" | "events" | "arguments") => imported.reduce((total, d) => total + d[key], 0);
  lines.push(`Project "${report.project.name}"${report.project.created ? " (created with the default CASIE tagset)" : ""}`);
  lines.push(
    `Imported ${countNoun(imported.length, "document")}: ${countNoun(sum("hoppers"), "hopper")}, ${countNoun(sum("events"), "event")}, ${countNoun(sum("arguments"), "argument")}.`,
  );
  if (skipped.length) {
    lines.push(`Skipped ${countNoun(skipped.length, "file")}:`);
    for (const skip of skipped) {
      lines.push(`  ${skip.file}: ${skip.reason}`);
      for (const error of skip.errors.slice(0, 10)) lines.push(`    ${locate(error)}`);
      if (skip.errors.length > 10) lines.push(`    … and ${skip.errors.length - 10} more`);
    }
  }
  const warned = imported.filter((d) => d.warnings.length);
  if (warned.length) {
    lines.push(`Warnings in ${countNoun(warned.length, "document")}:`);
    for (const document of warned) {
      for (const line of summarizeIssues(document.warnings)) lines.push(`  ${document.file}: ${line}`);
    }
  }
  return lines.join("\n");
}
