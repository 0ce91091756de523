/**
 * Photos through the export command: a `basics.image` file next to the résumé ends up in the
 * HTML; a missing one fails with the fix. (embedPhoto itself is tests/unit/photo.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/cli.js';
import { visibleFacts } from '../support/facts.js';
import { PNG, folderWith } from '../support/photos.js';

/** Exports, as HTML into `folder/out`, a résumé in `folder` whose photo is `me.png`. */
function exportHtmlWithPhoto(folder: string) {
  writeFileSync(
    join(folder, 'cv.json'),
    JSON.stringify({ basics: { name: 'Ada Example', image: 'me.png' } }),
  );
  const args = ['--resume', join(folder, 'cv.json'), '--out', join(folder, 'out')];
  return runScript('export', [...args, '--format', 'html']);
}

describe('npm run export', () => {
  it('embeds the photo named next to the résumé in the HTML', async () => {
    const folder = folderWith({ 'me.png': PNG });
    const result = await exportHtmlWithPhoto(folder);
    expect(result.stderr).not.toContain('✖');
    expect(result.code).toBe(0);
    const html = readFileSync(join(folder, 'out', 'resume.html'), 'utf8');
    expect(visibleFacts(html).targets).toContain(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('fails with exit 1 and the fix when the photo is missing', async () => {
    const folder = folderWith({});
    const result = await exportHtmlWithPhoto(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/basics\.image: cannot read "me\.png".*Fix:/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
