/** The part of citation-js the bench uses; the packages ship no types. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: string);
    data: unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
