import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./ProjectAdmin.module.css";

export type ProjectSection = "documents" | "comments" | "import" | "assignments" | "dashboard" | "members" | "tagset" | "settings" | "repair";

type Audience = "everyone" | "reviewers" | "managers";

/** A project's pages: everyone who may view it has the first two; its reviewers, the repair; who manages it, all. */
const SECTIONS: { section: ProjectSection; label: string; path: string; audience: Audience }[] = [
  { section: "documents", label: "Documents", path: "", audience: "everyone" },
  { section: "comments", label: "Comments", path: "/comments", audience: "everyone" },
  { section: "import", label: "Import documents", path: "/import", audience: "managers" },
  { section: "assignments", label: "Assignments", path: "/assignments", audience: "managers" },
  { section: "dashboard", label: "Progress", path: "/dashboard", audience: "managers" },
  { section: "members", label: "Members", path: "/members", audience: "managers" },
  { section: "tagset", label: "Tagset", path: "/tagset", audience: "managers" },
  { section: "settings", label: "Settings", path: "/settings", audience: "managers" },
  { section: "repair", label: "Repair spans", path: "/repair", audience: "reviewers" },
];

/** The links between a project's pages that the viewer may use (managers review too). */
export function ProjectManageNav({
  projectId,
  current,
  manages = true,
  reviews = manages,
}: {
  projectId: string;
  current: ProjectSection;
  manages?: boolean;
  reviews?: boolean;
}) {
  const shown = { everyone: true, reviewers: reviews || manages, managers: manages } satisfies Record<Audience, boolean>;
  return (
    <nav aria-label="Project" className={styles.nav}>
      {SECTIONS.filter((entry) => shown[entry.audience]).map(({ section, label, path }) => (
        <Link key={section} href={`/projects/${projectId}${path}`} aria-current={section === current ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** A project page for its managers (or, with `manages` false, its reviewers): breadcrumb, title, the project's links, an archived notice, then the page. */
export function ProjectSubpage(props: {
  project: { id: string; name: string };
  archived: boolean;
  section: ProjectSection;
  title: string;
  manages?: boolean;
  children: ReactNode;
}) {
  const { project, archived, section, title, manages = true, children } = props;
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/projects">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> /
      </nav>
      <h1 className={styles.title}>{title}</h1>
      <ProjectManageNav projectId={project.id} current={section} manages={manages} reviews />
      {archived && (
        <p className={styles.archived} role="note">
          This project is archived: it is read-only. Unarchive it in its settings to change it.
        </p>
      )}
      {children}
    </div>
  );
}
