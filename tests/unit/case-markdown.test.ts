import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, test } from 'vitest';
import { Markdown } from '@/components/cases/Markdown';
import { escapeMarkdown, mdCode } from '@/lib/cases/markdown-escape';

const render = (source: string, links = true) => renderToStaticMarkup(Markdown({ children: source, links }));

// Payloads analysts paste from hostile log fields, or type to test us.
const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<details open ontoggle=alert(1)>',
  '| a |\n|---|\n| <b onmouseover=alert(1)>x</b> |',
];

describe('notes are rendered sanitised', () => {
  test.each(XSS_PAYLOADS)('%s leaves no script, handler or script URL', (payload) => {
    const html = render(payload);
    expect(html).not.toMatch(/<(script|iframe|svg|img|details|div style)/i);
    // Attributes only: the same words may appear as escaped text between the tags.
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/<[^>]*href="\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/<[^>]*\ssrc=/i);
  });

  test('raw HTML is shown as the text that was written', () => {
    expect(render('<script>alert(1)</script> seen in the UA')).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; seen in the UA',
    );
  });

  test('markdown still works: emphasis, code, lists, safe links leave without a referrer', () => {
    const html = render('**bold** `code`\n\n- one\n- two\n\n[AWS](https://aws.amazon.com)');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code');
    expect(html).toContain('<li>one</li>');
    expect(html).toMatch(
      /<a href="https:\/\/aws.amazon.com" rel="noopener noreferrer nofollow" target="_blank"/,
    );
  });

  test('images are not fetched; on a share page links are not clickable', () => {
    expect(render('![pixel](https://tracker.example/p.gif)')).not.toContain('<img');
    const shared = render('[app](/events?ip=1.2.3.4)', false);
    expect(shared).not.toContain('<a ');
    expect(shared).toContain('/events?ip=1.2.3.4');
  });
});

interface Node {
  type: string;
  children?: Node[];
}
function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  const collect = () => (tree: Node) => {
    const walk = (node: Node) => {
      types.add(node.type);
      node.children?.forEach(walk);
    };
    walk(tree);
  };
  renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm, collect] }, markdown));
  return types;
}

const HOSTILE = [
  '[phish](https://evil.example/login)',
  'https://evil.example/autolink',
  'www.evil.example',
  '<https://evil.example>',
  '<img src=x onerror=alert(1)>',
  '![x](https://evil.example/p.png)',
  '**bold** _it_ `code`',
  '# heading\n- list\n| table |',
  '&lt;script&gt;',
  'evil@example.com',
  'a ``` b ` c',
  '`leading and trailing`',
];

const renderPlain = (markdown: string) =>
  renderToStaticMarkup(createElement(ReactMarkdown, { remarkPlugins: [remarkGfm] }, markdown));
const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

describe('mdCode: log values in the Markdown export', () => {
  test.each(HOSTILE)('%s is one literal code span, even inside a table row', (value) => {
    const markdown = `| a | b |\n| --- | --- |\n| ${mdCode(value)} | end |`;
    const types = nodeTypes(markdown);
    expect([...types].sort()).toEqual(['inlineCode', 'root', 'table', 'tableCell', 'tableRow', 'text']);
    const html = renderPlain(markdown);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(decode(html.match(/<code>(.*?)<\/code>/s)?.[1] ?? '')).toBe(value.replace(/\n/g, ' '));
  });
});

describe('escapeMarkdown: prose people typed', () => {
  test.each(HOSTILE)('%s cannot become markup that disguises a link', (value) => {
    const escaped = escapeMarkdown(value);
    const types = nodeTypes(`Value: ${escaped}`);
    for (const type of ['html', 'image', 'emphasis', 'strong', 'inlineCode', 'heading', 'list', 'table']) {
      expect(types.has(type), type).toBe(false);
    }
    const html = renderPlain(escaped);
    // GFM may autolink a bare URL; its text is then the URL itself, never other words.
    for (const [, href, text] of html.matchAll(/<a href="([^"]*)">(.*?)<\/a>/g)) {
      expect(
        decode(href ?? '')
          .replace(/^mailto:/, '')
          .replace(/^http:\/\//, ''),
      ).toContain(decode(text ?? '').replace(/^http:\/\//, ''));
    }
    expect(decode(html.replace(/<[^>]+>/g, ''))).toBe(value.replace(/\n/g, ' '));
  });
});
