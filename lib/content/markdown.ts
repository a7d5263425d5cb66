import type { Element, ElementContent, Root, Text } from "hast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visitParents } from "unist-util-visit-parents";
import type { TTerm } from "./schemas";
import { createTermMatcher } from "./term-matcher";

// Sanitizing runs before term marking, so the only markup we add ourselves is the term <span>.
const schema = { ...defaultSchema, clobberPrefix: "" };

/** A rehype step wrapping contested terms in <span class="term" data-term="id">, outside links and code. */
function markTerms(terms: TTerm[]) {
  const match = createTermMatcher(terms);
  return () => (tree: Root) => {
    const replacements: Array<{ parent: Element | Root; node: Text; parts: ElementContent[] }> = [];
    visitParents(tree, "text", (node: Text, ancestors) => {
      if (ancestors.some((a) => a.type === "element" && ["a", "code", "pre", "h1", "h2", "h3"].includes(a.tagName))) return;
      const found = match(node.value);
      if (found.length === 0) return;
      const parts: ElementContent[] = [];
      let at = 0;
      for (const m of found) {
        if (m.start > at) parts.push({ type: "text", value: node.value.slice(at, m.start) });
        parts.push({
          type: "element",
          tagName: "span",
          properties: { className: ["term"], dataTerm: m.termId },
          children: [{ type: "text", value: m.name }],
        });
        at = m.end;
      }
      if (at < node.value.length) parts.push({ type: "text", value: node.value.slice(at) });
      replacements.push({ parent: ancestors.at(-1) as Element | Root, node, parts });
    });
    for (const { parent, node, parts } of replacements) {
      const i = parent.children.indexOf(node as never);
      parent.children.splice(i, 1, ...(parts as never[]));
    }
  };
}

/** Renders lesson markdown (GFM) to sanitized HTML with contested terms marked for the lens. */
export async function renderLessonHtml(markdown: string, terms: TTerm[]): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(markTerms(terms))
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
