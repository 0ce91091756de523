// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module (camera-ready:assets) has no import path to name its declaration by
/// <reference path="./assets.d.ts" />
/**
 * Résumé → HTML. Synchronous because the hosted registry calls `render` without awaiting.
 * Templates arrive precompiled and styles and fonts inlined (scripts/build.mjs), so rendering
 * reads no file. They are registered once per process, on first use, into a private Handlebars
 * instance (themes sharing a process must not see each other's partials).
 */
import { css, fontSubsets, layout, partials } from 'camera-ready:assets';
import Handlebars from 'handlebars';
import { fontFacesFor } from './fonts';
import { registerHelpers } from './helpers';
import type { Resume } from './types';
import { typographicApostrophes } from './typography';
import { buildViewModel } from './view-model';
import type { ViewModel } from './view-types';

interface Assets {
  /** @font-face rules with the fonts the page's text needs, inlined. */
  fonts: string;
  css: string;
}

type Page = ViewModel & { assets: Assets };

let compiled: ((view: ViewModel) => string) | undefined;

function compile(): (view: ViewModel) => string {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  for (const [name, spec] of Object.entries(partials)) {
    handlebars.registerPartial(name, handlebars.template(spec));
  }
  const page = handlebars.template<Page>(layout);
  // Every word of the page is in the view model (the theme's own words included).
  return (view) =>
    typographicApostrophes(
      page({ ...view, assets: { fonts: fontFacesFor(JSON.stringify(view), fontSubsets), css } }),
    );
}

/** Renders a résumé as one self-contained HTML document. */
export function render(resume: Resume): string {
  compiled ??= compile();
  return compiled(buildViewModel(resume));
}
