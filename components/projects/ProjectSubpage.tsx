import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./ProjectAdmin.module.css";

export type ProjectSection = "documents" | "comments" | "import" | "export" | "assignments" | "dashboard" | "members" | "tagset" | "settings";

/** A project's pages: everyone who may view it has the first two; who manages it, all. */
const SECTIONS: { section: ProjectSection; label: string; path: string; managers: boolean }[] = [
  { section: "documents", label: "Documents", path: "", managers: false },
  { section: "comments", label: "Comments", path: "/comments", managers: false },
  { section: "import", label: "Import documents", path: "/import", managers: true },
  { section: "export", label: "Export", path: "/export", managers: true },
  { section: "assignments", label: "Assignments", path: "/assignments", managers: true },
  { section: "dashboard", label: "Progress", path: "/dashboard", managers: true },
  { section: "members", label: "Members", path: "/members", managers: true },
  { section: "tagset", label: "Tagset", path: "/tagset", managers: true },
  { section: "settings", label: "Settings", path: "/settings", managers: true },
];

/** The links between a project's pages that the viewer may use. */
export function ProjectManageNav({ projectId, current, manages = true }: { projectId: string; current: ProjectSection; manages?: boolean }) {
  return (
    <nav aria-label="Project" className={styles.nav}>
      {SECTIONS.filter((entry) => manages || !entry.managers).map(({ section, label, path }) => (
        <Link key={section} href={`/projects/${projectId}${path}`} aria-current={section === current ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** A project page for its managers: breadcrumb, title, the project's links, an archived notice, then the page. */
export function ProjectSubpage(props: {
  project: { id: string; name: string };
  archived: boolean;
  section: ProjectSection;
  title: string;
  children: ReactNode;
}) {
  const { project, archived, section, title, children } = props;
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/projects">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> /
      </nav>
      <h1 className={styles.title}>{title}</h1>
      <ProjectManageNav projectId={project.id} current={section} />
      {archived && (
        <p className={styles.archived} role="note">
          This project is archived: it is read-only. Unarchive it in its settings to change it.
        </p>
      )}
      {children}
    </div>
  );
}
