/** The theme's warm `render()` in process, against jsonresume-theme-even's. */
import { readFileSync } from 'node:fs';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { loadTheme } from '../../../src/export/theme-loader.js';
import { installOtherThemes } from '../../../src/maintainer/other-themes.js';
import { median, ratio } from './measure.js';

/** Median time per call of a warm `render`, after warm-up calls. */
async function warmRender(render: (resume: Resume) => Promise<string>, resume: Resume) {
  for (let i = 0; i < 30; i += 1) await render(resume);
  const times: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const started = performance.now();
    await render(resume);
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function themeRenderSection(root: string, sample: string): Promise<string[]> {
  const resume = JSON.parse(readFileSync(sample, 'utf8')) as Resume;
  const ours = await warmRender(
    (await loadTheme('jsonresume-theme-camera-ready', root)).render,
    resume,
  );
  const themes = await installOtherThemes(root);
  const even = await warmRender((await loadTheme('jsonresume-theme-even', themes)).render, resume);
  return [
    '## Theme render, warm, in process',
    '',
    '`render(sample.resume.json)`, median per call over 300 calls after 30 warm-up calls.',
    '',
    '| theme | median per call |',
    '| ----- | --------------- |',
    `| jsonresume-theme-camera-ready | ${ours.toFixed(3)} ms |`,
    `| jsonresume-theme-even | ${even.toFixed(3)} ms |`,
    '',
    `Ratio ${ratio(ours / even)} (target ≤ 0.50×: ${ours / even <= 0.5 ? 'met' : 'not met'}).`,
    '',
  ];
}
