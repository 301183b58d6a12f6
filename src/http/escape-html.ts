/**
 * Escapes text for an HTML page's element content and quoted attribute values (the sandbox
 * page, the dashboard). Telegram's parse mode needs less: see `escapeHtml` in src/bot/html.ts.
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
