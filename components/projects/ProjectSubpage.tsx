import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./ProjectAdmin.module.css";

export type ProjectSection = "documents" | "members" | "tagset" | "settings";

const SECTIONS: { section: ProjectSection; label: string; path: string }[] = [
  { section: "documents", label: "Documents", path: "" },
  { section: "members", label: "Members", path: "/members" },
  { section: "tagset", label: "Tagset", path: "/tagset" },
  { section: "settings", label: "Settings", path: "/settings" },
];

/** The links between a project's pages, for who manages it. */
export function ProjectManageNav({ projectId, current }: { projectId: string; current: ProjectSection }) {
  return (
    <nav aria-label="Project" className={styles.nav}>
      {SECTIONS.map(({ section, label, path }) => (
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
