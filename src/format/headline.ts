/**
 * What to call an article wherever its title is shown: the title, else (for an untitled
 * item) the start of its summary or text, on one line, cut with "…" at 120 characters.
 * `undefined` when the article has no words at all; each caller picks its own stand-in
 * (the card says "Bài viết không có tiêu đề", a list item shows its address).
 */
export function headline(article: {
  title?: string;
  summary?: string;
  contentText?: string;
}): string | undefined {
  if (article.title) return article.title;
  const text = (article.summary ?? article.contentText)?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > 120 ? `${text.slice(0, 119).trimEnd()}…` : text;
}
