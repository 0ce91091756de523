/** Reading the résumé for the export: meta.theme peeked ahead of validation. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { peekMetaTheme } from '../../../src/export/read-resume.js';
import { writeFiles } from '../../support/files.js';

const work = mkdtempSync(join(tmpdir(), 'read-resume-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('peekMetaTheme', () => {
  it('reads meta.theme ahead of validation, and nothing from what validation must report', () => {
    const folder = writeFiles(join(work, 'peek'), {
      'named.json': JSON.stringify({ meta: { theme: 'even' } }),
      'unnamed.json': JSON.stringify({ basics: { name: 'Ada' } }),
      'broken.json': '{ "meta": { "theme": "even" } ',
      'large.json': JSON.stringify({ meta: { theme: 'even' }, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(peekMetaTheme(join(folder, 'named.json'))).toBe('even');
    expect(peekMetaTheme(join(folder, 'unnamed.json'))).toBeUndefined();
    expect(peekMetaTheme(join(folder, 'broken.json'))).toBeUndefined();
    // Past 1 MB the peek would cost more than it saves.
    expect(peekMetaTheme(join(folder, 'large.json'))).toBeUndefined();
    expect(peekMetaTheme(folder)).toBeUndefined();
    expect(peekMetaTheme(join(folder, 'missing.json'))).toBeUndefined();
    // A named pipe with no writer is refused at once, not waited on.
    execFileSync('mkfifo', [join(folder, 'pipe.json')]);
    expect(peekMetaTheme(join(folder, 'pipe.json'))).toBeUndefined();
  });
});
