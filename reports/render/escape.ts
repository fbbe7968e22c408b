// Everything a report prints came from a target we do not trust (response bodies, error messages, headers), so
// every string is escaped for where it goes — HTML text, HTML attributes, inline JSON, Markdown, XML — and run
// through the API-key redactor first.
import { redactText } from '../../core/redact.ts';

export function escapeHtml(value: unknown): string {
  return redactText(String(value ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe inside <script type="application/json">: no "</script>", no "<!--", no line separators. */
export function inlineJson(value: unknown): string {
  return redactText(JSON.stringify(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeXml(value: unknown): string {
  // XML 1.0 forbids most control characters even when escaped, so they are dropped.
  return escapeHtml(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Markdown table cell / inline text: HTML-escaped (GitHub renders HTML in summaries), pipes and newlines neutralized. */
export function escapeMarkdown(value: unknown): string {
  return escapeHtml(value).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]])/g, '\\$1');
}
