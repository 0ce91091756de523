/** Made by scripts/build.mjs: the precompiled templates, the stylesheet and the embedded fonts. */
declare module 'camera-ready:assets' {
  import type Handlebars from 'handlebars';

  type Spec = ReturnType<typeof Handlebars.precompile>;
  export const partials: Record<string, Spec>;
  export const layout: Spec;
  export const css: string;
  /** The embedded fonts by subset: src/fonts.ts picks the ones a page needs. */
  export const fontSubsets: import('./fonts').FontSubset[];
}
