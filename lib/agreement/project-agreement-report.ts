// A project's agreement report as the app asks for it (by project id, with a
// query's statuses), and its CSV as a download: the CLI's figures and CSV.

import { db, type DatabasePool } from "@/lib/db/client";
import { agreementReport, type AgreementReport } from "./agreement-report";
import type { AgreementQuery } from "./agreement-query";
import { agreementCsv } from "./format-agreement";
import { loadProjectAgreement } from "./load-project-agreement";

export async function loadAgreementReport(
  project: { id: string; name: string },
  query: AgreementQuery,
  client: DatabasePool = db(),
): Promise<AgreementReport> {
  const agreement = await loadProjectAgreement({ id: project.id }, { client, statuses: query.statuses, withGold: query.withGold });
  return agreementReport(project.name, agreement);
}

/** The file name of a project's agreement CSV: its name, kept to characters safe in a header. */
export function agreementCsvFileName(projectName: string): string {
  return `${projectName.replace(/[^\w.-]+/g, "_")}-agreement.csv`;
}

export function agreementCsvResponse(report: AgreementReport): Response {
  return new Response(agreementCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${agreementCsvFileName(report.project)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
