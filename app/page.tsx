import { SignedInPage } from "@/components/layout/SignedInPage";
import { ProjectsOverview } from "@/components/projects/ProjectsOverview";
import { AnnotatorQueue } from "@/components/queue/AnnotatorQueue";
import { annotatorQueue, nextInQueue } from "@/lib/assignments/queue";
import { requirePageUser } from "@/lib/auth/access";
import { listProjects } from "@/lib/projects/queries";

/** Home: the documents assigned to the user (their queue), when they have any, then their projects. */
export default async function HomePage() {
  const user = await requirePageUser();
  const [queue, projects] = await Promise.all([annotatorQueue(user), listProjects(user)]);
  return (
    <SignedInPage user={user}>
      {queue.length > 0 && <AnnotatorQueue queue={queue} next={nextInQueue(queue)} />}
      <ProjectsOverview projects={projects} />
    </SignedInPage>
  );
}
