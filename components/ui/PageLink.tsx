import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to a page of the app, never prefetched: every page is rendered for who is asking, so a prefetch would render
 * it on the server for nothing the click could reuse (a dynamic page's prefetch is not kept), and the links of a page
 * would each cost a request as it opens.
 */
export function PageLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
