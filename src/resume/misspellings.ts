/**
 * Unknown fields are legal in JSON Resume, so a misspelt one (`stauts`, `endDat`) passes the schema
 * and then misses its place in the CV (camera-ready shows it as a stray detail, others drop it). This check compares every unknown field with the names the
 * schemas declare at that place and warns when one is a likely typo, if renaming it gives a valid
 * file (the name is free and the value fits it).
 */
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics.js';
import { closestMatch } from './edit-distance.js';
import { formatPath, keyOffset, type Positions } from './json-locations.js';
import { spelling } from './messages.js';
import { tryRename } from './rename-check.js';
import { isClosed, knownProperties, walkWithSchemas } from './schema-walker.js';

export function misspeltFields(value: unknown, tree: Node, positions: Positions): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkWithSchemas(value, (current, placed, path) => {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return;
    const known = knownProperties(placed);
    // Where the schema forbids unknown fields, the schema error already names them.
    if (known.length === 0 || isClosed(placed)) return;
    for (const key of Object.keys(current)) {
      if (known.includes(key)) continue;
      const suggestion = closestMatch(key, known);
      if (!suggestion || !tryRename(value, path, key, suggestion).ok) continue;
      const offset = keyOffset(tree, path, key) ?? tree.offset;
      found.push({
        severity: 'warning',
        path: formatPath([...path, key]),
        ...positions(offset),
        ...spelling.unknownField(key, suggestion),
      });
    }
  });
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
