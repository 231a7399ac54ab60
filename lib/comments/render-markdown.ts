// Comments are markdown rendered without raw HTML: markdown-it escapes any
// HTML in the text and refuses javascript:, vbscript:, file: and data: links;
// links open in a new tab without handing it this page.

import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("rel", "noopener noreferrer nofollow");
  tokens[idx].attrSet("target", "_blank");
  return renderLinkOpen(tokens, idx, options, env, self);
};

/** Safe HTML for a comment's markdown. */
export function renderCommentMarkdown(body: string): string {
  return markdown.render(body);
}
