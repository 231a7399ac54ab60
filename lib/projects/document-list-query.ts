// How a project's document list is sorted and paged, read from the URL's search
// parameters: anything missing or unknown falls back to the default.

export const DOCUMENT_SORT_KEYS = ["name", "date", "title", "events", "warnings"] as const;
export type DocumentSortKey = (typeof DOCUMENT_SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

export const DOCUMENTS_PER_PAGE = 100;

export interface DocumentListQuery {
  sort: DocumentSortKey;
  order: SortOrder;
  /** 1-based. */
  page: number;
  /** Only documents with annotations outside the project's tagset (`?problems=tagset`). */
  tagsetProblems?: boolean;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseDocumentListQuery(params: SearchParams): DocumentListQuery {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const sort = DOCUMENT_SORT_KEYS.find((key) => key === first("sort")) ?? "name";
  const order = first("order") === "desc" ? "desc" : "asc";
  const page = Number.parseInt(first("page") ?? "", 10);
  const query: DocumentListQuery = { sort, order, page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
  if (first("problems") === "tagset") query.tagsetProblems = true;
  return query;
}

/** The search string for a query, leaving defaults out so URLs stay short. */
export function documentListSearch(query: DocumentListQuery): string {
  const params = new URLSearchParams();
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.order !== "asc") params.set("order", query.order);
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.tagsetProblems) params.set("problems", "tagset");
  const search = params.toString();
  return search ? `?${search}` : "";
}
