/** Made by scripts/build.mjs: the precompiled templates, the stylesheet and the embedded fonts. */
declare module 'camera-ready:assets' {
  import type Handlebars from 'handlebars';

  type Spec = ReturnType<typeof Handlebars.precompile>;
  export const partials: Record<string, Spec>;
  export const layout: Spec;
  export const css: string;
  export const fonts: string;
}
