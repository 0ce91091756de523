/**
 * The validator for the composed schema: compiled with Ajv, or the standalone one generated from
 * it at build time. The generated file sits beside this module, which is why it lives here.
 */
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import { resumeSchemas, schemaFingerprint, SCHEMA_URL } from './schema-files.js';

const require = createRequire(import.meta.url);

/** The format checks of the `jsonschema` package, which the official `validate` runs on. */
const OFFICIAL_FORMATS = 'jsonschema/lib/helpers.js';
/** The formats the schemas use. */
const FORMATS = ['uri', 'email'] as const;

/**
 * The validator generated from the schema at build time (`npm run build`): loading it skips
 * compiling the schema, most of the cost of a first validation.
 */
const PREBUILT = './resume-validator.cjs';

/**
 * Compiles the composed schema (draft-07, all errors, the official format checks); with `source`, Ajv
 * keeps the generated code so it can be written out as a standalone module.
 */
export function compileResumeValidator(options: { source?: boolean } = {}): {
  ajv: Ajv;
  validate: ValidateFunction;
} {
  const { root, byId } = resumeSchemas();
  // Loaded here only: a prebuilt validator needs neither, the formats are inlined in it.
  const { Ajv } = require('ajv') as typeof import('ajv');
  // verbose: errors carry the failing value and schema, which the messages need.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strictTypes: false,
    ...(options.source && { code: { source: true } }),
  });
  // The official validator's own definitions of `uri` and `email`, so that on these formats
  // the standard fields pass exactly when the official schema lets them pass.
  const formats = (require(OFFICIAL_FORMATS) as { FORMAT_REGEXPS: Record<string, unknown> })
    .FORMAT_REGEXPS;
  for (const name of FORMATS) {
    const format = formats[name];
    if (!(format instanceof RegExp)) throw new Error(`${OFFICIAL_FORMATS} has no ${name} format`);
    ajv.addFormat(name, format);
  }
  for (const [id, doc] of byId) if (doc !== root) ajv.addSchema(doc, id);
  ajv.addSchema(root, SCHEMA_URL);
  const validate = ajv.getSchema(SCHEMA_URL);
  if (!validate) throw new Error(`schema ${SCHEMA_URL} did not compile`);
  return { ajv, validate };
}

/** The prebuilt validator, if it exists and was generated from the current schema files. */
function prebuiltValidator(): ValidateFunction | undefined {
  let built: ValidateFunction & { fingerprint?: unknown };
  try {
    built = require(PREBUILT) as typeof built;
  } catch {
    return undefined;
  }
  return built.fingerprint === schemaFingerprint() ? built : undefined;
}

let validator: ValidateFunction | undefined;

/** The validator for the composed schema: the prebuilt one when current, else compiled now. */
export function resumeValidator(): ValidateFunction {
  validator ??= prebuiltValidator() ?? compileResumeValidator().validate;
  return validator;
}
