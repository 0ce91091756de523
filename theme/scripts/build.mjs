// Builds the published package from src/: templates precompiled, styles, fonts and icons inlined
// into one CommonJS bundle (dist/theme.cjs), entries for both module systems that hand it on
// (dist/index.cjs, dist/index.mjs), one bundled type declaration file for each, the tables alone
// (dist/data.*), and the schema as one self-contained file. The bundle reads no file at run
// time, so the theme also works when bundled itself.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { fontSubsets as readFontSubsets } from './fonts.mjs';
import { contactIcons } from './icons.mjs';
import { standaloneSchema } from './schema.mjs';

const ASSETS = 'camera-ready:assets';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Handlebars specs as JavaScript source, for the runtime-only `template()`. */
function precompiled(file, options = {}) {
  return Handlebars.precompile(readFileSync(file, 'utf8'), options);
}

function assetsModule(fontSubsets) {
  const templates = join(root, 'templates');
  const partials = readdirSync(templates)
    .filter((file) => file.endsWith('.hbs') && file !== 'layout.hbs')
    .sort()
    .map((file) => {
      // Trimmed so a partial used inline adds no stray whitespace.
      const source = readFileSync(join(templates, file), 'utf8').trim();
      return `${JSON.stringify(file.slice(0, -4))}: ${Handlebars.precompile(source)}`;
    });
  const layout = precompiled(join(templates, 'layout.hbs'), { strict: false, preventIndent: true });
  return [
    `export const partials = {${partials.join(',\n')}};`,
    `export const layout = ${layout};`,
    `export const css = ${JSON.stringify(readFileSync(join(root, 'styles', 'theme.css'), 'utf8'))};`,
    `export const fontSubsets = ${JSON.stringify(fontSubsets)};`,
    `export const icons = ${JSON.stringify(contactIcons())};`,
  ].join('\n');
}

const fontSubsets = readFontSubsets();

const assetsPlugin = {
  name: 'camera-ready-assets',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^camera-ready:assets$/ }, () => ({
      path: ASSETS,
      namespace: 'assets',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'assets' }, () => ({
      contents: assetsModule(fontSubsets),
      loader: 'js',
    }));
  },
};

mkdirSync(dist, { recursive: true });
const bundleOptions = {
  bundle: true,
  platform: 'neutral',
  mainFields: ['main'],
  target: 'node20',
  legalComments: 'inline',
  logLevel: 'warning',
};
await build({
  ...bundleOptions,
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(dist, 'theme.cjs'),
  format: 'cjs',
  // Templates are precompiled: only Handlebars' runtime is needed.
  alias: { handlebars: 'handlebars/runtime' },
  plugins: [assetsPlugin],
});

// The tables alone (`./data`), in both module systems: a few kilobytes where the theme is a
// megabyte of fonts, for tools that need the paper sizes or field names and not a render.
for (const format of ['cjs', 'esm']) {
  await build({
    ...bundleOptions,
    entryPoints: [join(root, 'src', 'data.ts')],
    outfile: join(dist, format === 'cjs' ? 'data.cjs' : 'data.mjs'),
    format,
  });
}
const dataNames = Object.keys(createRequire(import.meta.url)(join(dist, 'data.cjs')));
for (const [declaration, entry] of [
  ['data.d.cts', './index.cjs'],
  ['data.d.mts', './index.mjs'],
]) {
  writeFileSync(join(dist, declaration), `export { ${dataNames.join(', ')} } from '${entry}';\n`);
}

// The CommonJS entry hands on the bundle's exports one by one. Imported as an ES module, a
// CommonJS file is scanned for the names it exports, and a reexport (`module.exports =
// require(…)`) is followed: this entry is scanned, the megabyte of the bundle is not.
const bundleNames = Object.keys(createRequire(import.meta.url)(join(dist, 'theme.cjs'))).filter(
  (name) => name !== '__esModule',
);
writeFileSync(
  join(dist, 'index.cjs'),
  [
    `'use strict';`,
    `const theme = require('./theme.cjs');`,
    `Object.defineProperty(exports, '__esModule', { value: true });`,
    ...bundleNames.map((name) => `exports.${name} = theme.${name};`),
    '',
  ].join('\n'),
);

// The ES module entry re-exports the CommonJS bundle by name, so the fonts ship once and both
// module systems share one instance of the theme.
const names = bundleNames.filter((name) => name !== 'default');
writeFileSync(
  join(dist, 'index.mjs'),
  `import theme from './index.cjs';\n` +
    `export const { ${names.join(', ')} } = theme;\n` +
    `export default theme.default;\n`,
);

writeFileSync(
  join(dist, 'resume.schema.json'),
  `${JSON.stringify(standaloneSchema(join(root, 'schema')), null, 2)}\n`,
);

// One declaration file with no relative imports serves both module systems. It is the slow part
// (about 2 s), so it is remade only when a TypeScript source changed: an edit to a template or
// the stylesheet (as during `npm run dev`) rebuilds in a fraction of that.
const declarations = [join(dist, 'index.d.cts'), join(dist, 'index.d.mts')];
const typeInputs = [
  ...readdirSync(join(root, 'src')).map((file) => join(root, 'src', file)),
  join(root, 'tsconfig.json'),
  join(root, 'package.json'),
];
const newestInput = Math.max(...typeInputs.map((file) => statSync(file).mtimeMs));
const typesCurrent = declarations.every(
  (file) => existsSync(file) && statSync(file).mtimeMs >= newestInput,
);
if (!typesCurrent) {
  const require = createRequire(import.meta.url);
  const bundled = join(dist, 'index.d.ts');
  execFileSync(
    process.execPath,
    [
      require.resolve('dts-bundle-generator/dist/bin/dts-bundle-generator.js'),
      '--silent',
      '--no-banner',
      '--project',
      join(root, 'tsconfig.json'),
      '-o',
      bundled,
      join(root, 'src', 'index.ts'),
    ],
    { stdio: 'inherit' },
  );
  for (const file of declarations) copyFileSync(bundled, file);
  rmSync(bundled);
}
