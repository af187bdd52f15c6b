// Stands in for codemirror-json-schema's markdown renderer (markdown-it + shiki, a large download that fetches
// grammars at run time): schema descriptions and messages are shown as escaped text with `code` spans.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function renderMarkdown(markdown: string): string {
  const escaped = String(markdown).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\n/g, '<br>');
}
