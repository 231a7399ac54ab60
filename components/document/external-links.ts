import type { CasieExternalReference } from "@/lib/casie/types";

export interface ExternalLink {
  label: string;
  /** Null when the reference is not something a link can safely point to: shown as text. */
  href: string | null;
}

/** `value` as a link target when it is an http(s) URL: imported data must not smuggle `javascript:` links into the page. */
export function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The entity an argument refers to, Wikidata first. */
export function externalReferenceLinks(reference: CasieExternalReference | undefined): ExternalLink[] {
  const links: ExternalLink[] = [];
  const wikidata = reference?.wikidataid;
  if (wikidata) {
    links.push({
      label: `Wikidata ${wikidata}`,
      href: /^Q\d+$/.test(wikidata) ? `https://www.wikidata.org/wiki/${wikidata}` : null,
    });
  }
  if (reference?.dbpediaURI) links.push({ label: "DBpedia", href: httpUrl(reference.dbpediaURI) });
  return links;
}
