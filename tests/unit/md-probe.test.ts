import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { test } from 'vitest';
import { Markdown } from '@/components/cases/Markdown';

test('probe', () => {
  for (const src of [
    '<script>alert(1)</script> hi',
    '[x](javascript:alert(1))',
    '<img src=x onerror=alert(1)>',
    '**bold** <b>raw</b>',
    '![a](http://evil/p.png)',
    '# Head',
    '[ok](https://example.com)',
    '<a href="javascript:alert(1)">x</a>',
    '| a |\n|---|\n| <svg onload=x> |',
  ]) {
    console.log(
      JSON.stringify(src),
      '=>',
      renderToStaticMarkup(createElement(Markdown, null, src)).replace(/class="[^"]*"/g, ''),
    );
  }
});
