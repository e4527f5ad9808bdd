import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

// Notes are markdown written by analysts, who paste log content (attacker-controlled) into them.
// react-markdown builds React elements, never an HTML string. Raw HTML in the source is turned
// into plain text (htmlAsText below), so a pasted `<script>` shows as written; link targets pass its URL filter (http, https, mailto,
// relative). rehype-sanitize (GitHub's allow-list) runs on the tree as a second wall, and
// `clobberPrefix` keeps heading ids from shadowing globals. Links leave without a referrer, so a
// share token in the address bar never reaches another site.

const schema = { ...defaultSchema, clobberPrefix: 'note-' };

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** A remark plugin: raw HTML nodes become text nodes, shown literally instead of dropped. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

const linkComponents: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-accent underline">
      {children}
    </a>
  ),
  // Images would be fetched by every reader's browser: a tracking pixel. Show the text instead.
  img: ({ alt, src }) => (
    <span className="text-muted">
      [image: {alt || 'untitled'}
      {src ? ` (${src})` : ''}]
    </span>
  ),
};

// On a share page nothing may lead elsewhere: links show their text and target, unclickable.
const plainComponents: Components = {
  ...linkComponents,
  a: ({ href, children }) => (
    <span className="underline decoration-dotted">
      {children}
      {href ? <span className="text-muted"> ({href})</span> : null}
    </span>
  ),
};

const PROSE =
  'min-w-0 text-sm leading-6 text-fg break-words [&_p]:my-1.5 [&_ul]:my-1.5 [&_ul]:list-disc [&_ul]:pl-5 ' +
  '[&_ol]:my-1.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_h1]:mt-2 [&_h1]:text-base [&_h1]:font-semibold ' +
  '[&_h2]:mt-2 [&_h2]:text-sm [&_h2]:font-semibold [&_h3]:font-semibold [&_code]:rounded [&_code]:bg-surface-muted ' +
  '[&_code]:px-1 [&_code]:font-mono [&_code]:text-[13px] [&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-lg ' +
  '[&_pre]:bg-surface-muted [&_pre]:p-3 [&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 ' +
  '[&_blockquote]:text-muted [&_table]:my-2 [&_table]:text-[13px] [&_td]:border [&_td]:border-line [&_td]:px-2 ' +
  '[&_th]:border [&_th]:border-line [&_th]:px-2 [&_th]:text-left';

export function Markdown({ children, links = true }: { children: string; links?: boolean }) {
  return (
    <div className={PROSE}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, htmlAsText]}
        rehypePlugins={[[rehypeSanitize, schema]]}
        components={links ? linkComponents : plainComponents}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
