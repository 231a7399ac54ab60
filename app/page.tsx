import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectsOverview } from "@/components/projects/ProjectsOverview";
import { requirePageUser } from "@/lib/auth/access";
import { listProjects } from "@/lib/projects/queries";

export default async function HomePage() {
  const user = await requirePageUser();
  const projects = await listProjects(user);
  return (
    <SignedInPage user={user}>
      <ProjectsOverview projects={projects} />
    </SignedInPage>
  );
}
