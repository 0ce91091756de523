/** Made by scripts/build.mjs: the precompiled templates, the stylesheet, the embedded fonts and the icons. */
declare module 'camera-ready:assets' {
  import type Handlebars from 'handlebars';

  type Spec = ReturnType<typeof Handlebars.precompile>;
  export const partials: Record<string, Spec>;
  export const layout: Spec;
  export const css: string;
  /** The embedded fonts by subset: src/fonts.ts picks the ones a page needs. */
  export const fontSubsets: import('./fonts').FontSubset[];
  /** Inline SVG markup for each contact icon, by name (scripts/icons.mjs). */
  export const icons: Record<
    | 'email'
    | 'phone'
    | 'location'
    | 'website'
    | 'linkedin'
    | 'github'
    | 'gitlab'
    | 'codeberg'
    | 'bitbucket'
    | 'googlescholar'
    | 'semanticscholar'
    | 'orcid'
    | 'researchgate'
    | 'dblp'
    | 'x'
    | 'mastodon'
    | 'bluesky'
    | 'threads'
    | 'stackoverflow'
    | 'kaggle'
    | 'huggingface'
    | 'medium'
    | 'youtube',
    string
  >;
}
