/**
 * `npm run export -- --variant <name>`: the variant as the export's transform step, its own file
 * names (resume-<name>.<format>), and its page budget checked on the PDF that was written.
 */
import { readFile } from 'node:fs/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { OutputWriteError, VariantError } from '../errors.js';
import type { ResumeTransform } from './export-options.js';
import { displayPath, outputBaseName } from './output-names.js';
import { countPages, overBudgetMessage } from './page-budget.js';
import type { Progress } from '../runtime.js';
import { UnknownVariantError, applyVariant, getVariant } from '../resume/variant.js';

export interface VariantExport {
  transform: ResumeTransform;
  baseName: string;
  /** Fails (OutputWriteError) when the written PDF has more pages than the variant's `pageBudget`. */
  checkPageBudget(files: string[], progress: Progress): Promise<void>;
}

export function variantExport(name: string): VariantExport {
  let budget: number | undefined;
  let selected: Resume | undefined;
  return {
    baseName: outputBaseName(name),
    transform: {
      label: `variant ${name}`,
      apply(resume) {
        try {
          budget = getVariant(resume, name).pageBudget;
          selected = applyVariant(resume, name);
          return selected;
        } catch (error) {
          if (error instanceof UnknownVariantError) {
            throw new VariantError(`--variant ${name}: ${error.message}`);
          }
          throw error;
        }
      },
    },
    async checkPageBudget(files, progress) {
      const pdf = files.find((file) => file.endsWith('.pdf'));
      if (budget === undefined || pdf === undefined || selected === undefined) return;
      // Section titles as camera-ready shows them help find sections in any theme's text.
      const { buildViewModel } = await import('jsonresume-theme-camera-ready');
      const titles = buildViewModel(selected).sections.map((section) => section.title);
      const count = await countPages(await readFile(pdf), budget, titles);
      const shown = displayPath(process.cwd(), pdf);
      if (count.pages > budget) {
        throw new OutputWriteError(overBudgetMessage(shown, name, budget, count));
      }
      progress.info(`${shown}: ${count.pages} of ${budget} allowed pages`);
    },
  };
}
