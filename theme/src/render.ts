/**
 * Résumé → HTML. Synchronous because the hosted registry calls `render` without awaiting.
 * Templates, partials, styles and fonts are read and compiled once per process, on first use,
 * into a private Handlebars instance (themes sharing a process must not see each other's
 * partials).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { registerHelpers } from './helpers';
import type { Resume } from './types';
import { buildViewModel } from './view-model';
import type { ViewModel } from './view-types';

/** The package root: this file runs from `dist/`. */
const ROOT = join(__dirname, '..');

interface Assets {
  /** @font-face rules with the fonts inlined; built by scripts/embed-fonts.cjs. */
  fonts: string;
  css: string;
}

type Page = ViewModel & { assets: Assets };

let compiled: ((view: ViewModel) => string) | undefined;

function compile(): (view: ViewModel) => string {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const templates = join(ROOT, 'templates');
  for (const file of readdirSync(templates)) {
    if (!file.endsWith('.hbs') || file === 'layout.hbs') continue;
    // Trimmed so a partial used inline adds no stray whitespace.
    const source = readFileSync(join(templates, file), 'utf8').trim();
    handlebars.registerPartial(file.slice(0, -'.hbs'.length), source);
  }
  const layout = handlebars.compile<Page>(readFileSync(join(templates, 'layout.hbs'), 'utf8'), {
    strict: false,
    preventIndent: true,
  });
  const assets: Assets = {
    fonts: readFileSync(join(ROOT, 'dist', 'fonts.css'), 'utf8'),
    css: readFileSync(join(ROOT, 'styles', 'theme.css'), 'utf8'),
  };
  return (view) => layout({ ...view, assets });
}

/** Renders a résumé as one self-contained HTML document. */
export function render(resume: Resume): string {
  compiled ??= compile();
  return compiled(buildViewModel(resume));
}
