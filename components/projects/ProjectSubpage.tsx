import { PageLink } from "@/components/ui/PageLink";
import type { ReactNode } from "react";
import styles from "./ProjectAdmin.module.css";

export type ProjectSection =
  "documents" | "comments" | "import" | "export" | "assignments" | "dashboard" | "agreement" | "members" | "tagset" | "settings" | "repair";

/** Who sees a page's link: everyone who may view the project, who reviews it (managers too), or who manages it. */
type Audience = "viewers" | "reviewers" | "managers";

const SECTIONS: { section: ProjectSection; label: string; path: string; audience: Audience }[] = [
  { section: "documents", label: "Documents", path: "", audience: "viewers" },
  { section: "comments", label: "Comments", path: "/comments", audience: "viewers" },
  { section: "import", label: "Import documents", path: "/import", audience: "managers" },
  { section: "export", label: "Export", path: "/export", audience: "managers" },
  { section: "assignments", label: "Assignments", path: "/assignments", audience: "managers" },
  { section: "dashboard", label: "Progress", path: "/dashboard", audience: "managers" },
  { section: "agreement", label: "Agreement", path: "/agreement", audience: "reviewers" },
  { section: "members", label: "Members", path: "/members", audience: "managers" },
  { section: "tagset", label: "Tagset", path: "/tagset", audience: "managers" },
  { section: "settings", label: "Settings", path: "/settings", audience: "managers" },
  { section: "repair", label: "Repair spans", path: "/repair", audience: "reviewers" },
];

/** The links between a project's pages that the viewer may use (who manages a project reviews it too). */
export function ProjectManageNav(props: { projectId: string; current: ProjectSection; manages?: boolean; reviews?: boolean }) {
  const { projectId, current, manages = true, reviews = manages } = props;
  const sees: { [A in Audience]: boolean } = { viewers: true, reviewers: reviews || manages, managers: manages };
  return (
    <nav aria-label="Project" className={styles.nav}>
      {SECTIONS.filter((entry) => sees[entry.audience]).map(({ section, label, path }) => (
        <PageLink key={section} href={`/projects/${projectId}${path}`} aria-current={section === current ? "page" : undefined}>
          {label}
        </PageLink>
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
        <PageLink href="/projects">Projects</PageLink> / <PageLink href={`/projects/${project.id}`}>{project.name}</PageLink> /
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
