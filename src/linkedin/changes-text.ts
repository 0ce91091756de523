/** What a LinkedIn import changes, entry by entry, as lines for the terminal (also for --dry-run). */
import { quote } from '../resume/diagnostics.js';
import type { MergePlan } from './merge.js';
import { linkedInText } from './messages.js';

export function describeLinkedInChanges(
  plan: MergePlan,
  run: { file: string; dryRun: boolean; written: boolean; created: boolean; failed: boolean },
): string {
  const lines: string[] = [];
  const counts = { added: 0, filled: 0, unchanged: 0 };
  if (plan.basics.length > 0) {
    counts[plan.hasBasics ? 'filled' : 'added']++;
    const mark = plan.hasBasics ? '~ fill  ' : '+ add   ';
    lines.push(`${mark}   basics ${plan.basics.map((b) => b.field).join(', ')}`);
  }
  for (const section of plan.sections) {
    counts.unchanged += section.unchanged;
    for (const { kind, index, file, line, label } of section.sources) {
      counts[kind === 'add' ? 'added' : 'filled']++;
      const mark = kind === 'add' ? '+ add   ' : '~ fill  ';
      lines.push(`${mark}   ${section.section}[${index}] ${quote(label)}  (${file}:${line})`);
    }
  }
  lines.push('', linkedInText.summary(counts, run));
  return `${lines.join('\n')}\n`;
}
