/**
 * Makes model text inert before anyone renders it: no HTML, no markdown
 * image (a remote image leaks who reads the report), no link (a planted
 * "click here" is the classic exfiltration), no control characters. The
 * console renders text, never HTML, but the report also ends up in CSV
 * exports, e-mails and printouts.
 */
export function sanitizeText(text: string): string {
  return (
    text
      // script/style blocks disappear with their content
      .replace(/<(script|style|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      // markdown images, inline or by reference
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
      // markdown links keep their text
      .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      // link reference definitions: [x]: http://...
      .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, '')
      // any remaining tag, HTML comment or autolink
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?[a-z!?][^>]*>/gi, '')
      // and what is left of a tag cut short (a quote cut at 200 characters)
      .replace(/<(?=[a-z!?/])/gi, '')
      // bare URLs, also scheme-less www. and data:/javascript: payloads
      .replace(/\b(?:https?|ftp|data|javascript|file):[^\s<>\]]*/gi, '')
      .replace(/\bwww\.[^\s)>\]]+/gi, '')
      // control and bidi-override characters
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/[ \t]{2,}/g, ' ')
      .trim()
  );
}
