import type { AgreementQuery } from "@/lib/agreement/agreement-query";
import { loadAgreementReport } from "@/lib/agreement/project-agreement-report";
import { AgreementReportView } from "./AgreementReportView";

/** The figures, computed on the server while the page around them is already shown (it takes seconds on a large project). */
export async function ProjectAgreementResults({ project, query }: { project: { id: string; name: string }; query: AgreementQuery }) {
  return <AgreementReportView report={await loadAgreementReport(project, query)} />;
}
