/** The official JSON Resume validator (@jsonresume/schema, which resume-cli and resumed call). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface OfficialError {
  property: string;
}
const official = require('@jsonresume/schema') as {
  validate(
    resume: unknown,
    callback: (errors: OfficialError[] | null, valid: boolean) => void,
  ): void;
};

/** The paths the official validator finds errors at ("instance.basics.email"); none when valid. */
export function officialErrors(resume: unknown): string[] {
  let found: string[] = [];
  official.validate(resume, (errors) => {
    found = (errors ?? []).map((error) => error.property);
  });
  return found;
}
