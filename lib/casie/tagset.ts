// A project's annotation schema. Data, not code: it is stored with the project,
// edited in the UI, and another corpus may bring other types.

import type { CasieIssueCode } from "./issue-codes";
import type { CasieIssue } from "./types";

export interface TagsetSubtype {
  name: string;
  /** Roles an argument of an event of this subtype may play. */
  roles: string[];
}

export interface TagsetEventType {
  name: string;
  subtypes: TagsetSubtype[];
}

export interface TagsetRole {
  name: string;
  /** Entity types to suggest for an argument playing this role, most frequent first. */
  entityTypes: string[];
}

export interface Tagset {
  eventTypes: TagsetEventType[];
  /** Every role some subtype allows. */
  roles: TagsetRole[];
  entityTypes: string[];
  realis: string[];
  /** Values a hopper's `relation` may take (the corpus has only "Same"). */
  hopperRelations: string[];
}

const role = (name: string, ...entityTypes: string[]): TagsetRole => ({ name, entityTypes });

/** The CASIE schema as measured on the full corpus (docs/casie-format.md). */
export const DEFAULT_CASIE_TAGSET: Tagset = {
  eventTypes: [
    {
      name: "Attack",
      subtypes: [
        {
          name: "Databreach",
          roles: [
            "Attack-Pattern",
            "Attacker",
            "Compromised-Data",
            "Damage-Amount",
            "Number-of-Data",
            "Number-of-Victim",
            "Place",
            "Purpose",
            "Time",
            "Tool",
            "Victim",
          ],
        },
        { name: "Phishing", roles: ["Attack-Pattern", "Attacker", "Damage-Amount", "Place", "Purpose", "Time", "Tool", "Trusted-Entity", "Victim"] },
        { name: "Ransom", roles: ["Attack-Pattern", "Attacker", "Damage-Amount", "Payment-Method", "Place", "Price", "Time", "Tool", "Victim"] },
      ],
    },
    {
      name: "Vulnerability-related",
      subtypes: [
        {
          name: "DiscoverVulnerability",
          roles: [
            "CVE",
            "Capabilities",
            "Discoverer",
            "Supported_Platform",
            "Time",
            "Vulnerability",
            "Vulnerable_System",
            "Vulnerable_System_Owner",
            "Vulnerable_System_Version",
          ],
        },
        {
          name: "PatchVulnerability",
          roles: [
            "CVE",
            "Issues-Addressed",
            "Patch",
            "Patch-Number",
            "Releaser",
            "Supported_Platform",
            "Time",
            "Vulnerability",
            "Vulnerable_System",
            "Vulnerable_System_Version",
          ],
        },
      ],
    },
  ],
  roles: [
    role("Attack-Pattern", "Capabilities"),
    role("Attacker", "Person", "Organization"),
    role("CVE", "CVE"),
    role("Capabilities", "Capabilities"),
    role("Compromised-Data", "PII", "Data"),
    role("Damage-Amount", "Money"),
    role("Discoverer", "Person", "Organization"),
    role("Issues-Addressed", "Capabilities"),
    role("Number-of-Data", "Number"),
    role("Number-of-Victim", "Number"),
    role("Patch", "Patch"),
    role("Patch-Number", "Version"),
    role("Payment-Method", "PaymentMethod"),
    role("Place", "GPE"),
    role("Price", "Money"),
    role("Purpose", "Purpose"),
    role("Releaser", "Organization", "Person"),
    role("Supported_Platform", "System", "Device", "Software", "Website"),
    role("Time", "Time"),
    role("Tool", "File", "Malware", "Website"),
    role("Trusted-Entity", "Organization", "Software", "Person", "File", "Website", "System", "PII", "Data"),
    role("Victim", "Person", "Organization", "System", "Device", "Website", "Software"),
    role("Vulnerability", "Vulnerability"),
    role("Vulnerable_System", "System", "Software", "Device", "Website"),
    role("Vulnerable_System_Owner", "Person", "Organization"),
    role("Vulnerable_System_Version", "Version"),
  ],
  entityTypes: [
    "Person",
    "Organization",
    "Vulnerability",
    "Capabilities",
    "System",
    "Time",
    "PII",
    "Data",
    "Software",
    "Patch",
    "Device",
    "File",
    "Purpose",
    "Malware",
    "Version",
    "Money",
    "Website",
    "CVE",
    "Number",
    "PaymentMethod",
    "GPE",
  ],
  realis: ["Actual", "Generic", "Other"],
  hopperRelations: ["Same"],
};

export function findEventType(tagset: Tagset, type: string): TagsetEventType | undefined {
  return tagset.eventTypes.find((eventType) => eventType.name === type);
}

export function findSubtype(tagset: Tagset, type: string, subtype: string): TagsetSubtype | undefined {
  return findEventType(tagset, type)?.subtypes.find((candidate) => candidate.name === subtype);
}

/** Subtype names may repeat under different types, so the type is part of the key. */
export function rolesForSubtype(tagset: Tagset, type: string, subtype: string): string[] {
  return findSubtype(tagset, type, subtype)?.roles ?? [];
}

export function suggestedEntityTypes(tagset: Tagset, roleName: string): string[] {
  return tagset.roles.find((candidate) => candidate.name === roleName)?.entityTypes ?? [];
}

/** Everything wrong with a tagset, e.g. one edited in the UI or read from the database; empty when it is usable. */
export function checkTagset(value: unknown): CasieIssue[] {
  const issues: CasieIssue[] = [];
  const error = (code: CasieIssueCode, path: string, message: string): void => {
    issues.push({ severity: "error", code, path, message });
  };

  const list = (owner: Record<string, unknown>, key: string, path: string): unknown[] => {
    const items = owner[key];
    if (Array.isArray(items)) return items;
    error(items === undefined ? "missing-key" : "wrong-type", `${path}.${key}`, `expected a list, found ${describe(items)}`);
    return [];
  };
  /** Whether `name` is a valid name not in `seen` yet (it is then added). */
  const checkName = (name: unknown, path: string, seen: Set<string>, listPath: string): name is string => {
    if (typeof name !== "string") error(name === undefined ? "missing-key" : "wrong-type", path, `expected a name, found ${describe(name)}`);
    else if (name.trim() === "") error("empty-name", path, "expected a name, found an empty string");
    else if (name !== name.trim()) error("untrimmed-name", path, `the name ${JSON.stringify(name)} starts or ends with white space`);
    else if (seen.has(name)) error("duplicate-name", path, `${JSON.stringify(name)} appears twice in ${listPath}`);
    else {
      seen.add(name);
      return true;
    }
    return false;
  };
  /** The valid names of a list of strings, with their paths. */
  const names = (owner: Record<string, unknown>, key: string, path: string): Map<string, string> => {
    const seen = new Set<string>();
    const valid = new Map<string, string>();
    list(owner, key, path).forEach((name, i) => {
      const itemPath = `${path}.${key}[${i}]`;
      if (checkName(name, itemPath, seen, `${path}.${key}`)) valid.set(name, itemPath);
    });
    return valid;
  };
  /** The objects of a list of `{ name, ... }`, with their paths; their names go into `seen`. */
  const named = (owner: Record<string, unknown>, key: string, path: string, seen = new Set<string>()) => {
    const objects: { value: Record<string, unknown>; path: string }[] = [];
    list(owner, key, path).forEach((item, i) => {
      const itemPath = `${path}.${key}[${i}]`;
      if (!isRecord(item)) {
        error("wrong-type", itemPath, `expected an object, found ${describe(item)}`);
        return;
      }
      checkName(item.name, `${itemPath}.name`, seen, `${path}.${key}`);
      objects.push({ value: item, path: itemPath });
    });
    return objects;
  };

  if (!isRecord(value)) {
    error("wrong-type", "$", `expected a tagset object, found ${describe(value)}`);
    return issues;
  }
  const entityTypes = names(value, "entityTypes", "$");
  names(value, "realis", "$");
  names(value, "hopperRelations", "$");
  const roleNames = new Set<string>();
  for (const role of named(value, "roles", "$", roleNames)) {
    for (const [name, path] of names(role.value, "entityTypes", role.path)) {
      if (!entityTypes.has(name)) error("unknown-entity-type", path, `${JSON.stringify(name)} is not one of $.entityTypes`);
    }
  }
  for (const eventType of named(value, "eventTypes", "$")) {
    for (const subtype of named(eventType.value, "subtypes", eventType.path)) {
      for (const [name, path] of names(subtype.value, "roles", subtype.path)) {
        if (!roleNames.has(name)) error("unknown-role", path, `${JSON.stringify(name)} is not one of $.roles`);
      }
    }
  }
  return issues;
}

/** A tagset that is not usable, with everything wrong with it. */
export class InvalidTagsetError extends Error {
  constructor(readonly issues: CasieIssue[]) {
    super(`The tagset is not usable: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}.`);
    this.name = "InvalidTagsetError";
  }
}

/** The tagset `value` describes (one read from the database, say); throws an InvalidTagsetError naming every problem. */
export function parseTagset(value: unknown): Tagset {
  const issues = checkTagset(value);
  if (issues.length) throw new InvalidTagsetError(issues);
  return value as Tagset;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "object") return "an object";
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${value}`;
  return `a ${typeof value}`;
}
