import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgreementPage } from "@/components/agreement/AgreementPage";
import { SignedInPage } from "@/components/layout/SignedInPage";
import { agreementAccess } from "@/lib/agreement/agreement-access";
import { parseAgreementQuery, searchParamsOf } from "@/lib/agreement/agreement-query";
import { requirePageUser } from "@/lib/auth/access";
import type { SearchParams } from "@/lib/projects/document-list-query";

export const metadata: Metadata = { title: "Agreement · Hopper" };

/** The project's inter-annotator agreement, for who reviews it (`?status=…&gold=1`); to anyone else the page does not exist. */
export default async function ProjectAgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePageUser();
  const access = await agreementAccess(user, (await params).projectId);
  if (!access.allowed) notFound();
  return (
    <SignedInPage user={user}>
      <AgreementPage project={access.project} manages={access.manages} query={parseAgreementQuery(searchParamsOf(await searchParams))} />
    </SignedInPage>
  );
}
