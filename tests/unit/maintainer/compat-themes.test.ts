/**
 * Other themes, our data: the seed CV (a frozen resume.json) through published themes. Each must render without an
 * exception and show the owner, every publication with its venue and status, and every employer,
 * unless a known limit of that theme (verified against its source) explains the gap.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { otherThemesDir, seedResumePath } from '../../support/paths.js';
import {
  checkTheme,
  factsOf,
  KNOWN_LIMITS,
  limitEvidenceHolds,
  OTHER_THEMES,
  type OtherTheme,
  type ThemeResult,
} from '../../../src/maintainer/other-themes.js';

const resume = JSON.parse(await readFile(seedResumePath, 'utf8')) as Resume;

const results = new Map<OtherTheme, Promise<ThemeResult>>();
function resultOf(theme: OtherTheme): Promise<ThemeResult> {
  let result = results.get(theme);
  if (!result) results.set(theme, (result = checkTheme(otherThemesDir, theme, resume)));
  return result;
}

describe.each(OTHER_THEMES)('jsonresume-theme-%s on the seed CV', (theme) => {
  it('renders without an exception', async () => {
    expect((await resultOf(theme)).error).toBeUndefined();
  });

  it("shows the owner's name, every publication with its venue and status, every employer", async () => {
    const { shown, unexplained } = await resultOf(theme);
    expect(unexplained).toEqual([]);
    expect(shown.map((fact) => fact.kind)).toContain('name');
  });
});

describe.each(KNOWN_LIMITS)('known limit: $theme cannot show $kind', (limit) => {
  it('is what the theme source says', async () => {
    expect(await limitEvidenceHolds(otherThemesDir, limit)).toBe(true);
  });

  it('still holds: every such fact is missing (if one shows, update KNOWN_LIMITS)', async () => {
    const ofKind = factsOf(resume).filter((fact) => fact.kind === limit.kind);
    expect(ofKind.length).toBeGreaterThan(0);
    const { limited } = await resultOf(limit.theme);
    expect(limited.filter((fact) => fact.kind === limit.kind)).toEqual(ofKind);
  });
});
