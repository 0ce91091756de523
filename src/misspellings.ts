/**
 * Unknown fields are legal in JSON Resume, so a misspelt one (`stauts`, `endDat`) passes the schema
 * and silently disappears from the CV. This check compares every unknown field with the names the
 * schemas declare at that place and warns when one is a likely typo.
 */
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from './diagnostics.js';
import { closestMatch } from './edit-distance.js';
import { formatPath, keyOffset, type PathSegment, type Positions } from './json-locations.js';
import { spelling } from './messages.js';
import {
  childSchemas,
  isClosed,
  knownProperties,
  rootSchemas,
  type PlacedSchema,
} from './resume-schema.js';

export function misspeltFields(value: unknown, tree: Node, positions: Positions): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (current: unknown, placed: PlacedSchema[], path: PathSegment[]): void => {
    if (placed.length === 0) return;
    if (Array.isArray(current)) {
      current.forEach((item, index) => walk(item, childSchemas(placed, index), [...path, index]));
      return;
    }
    if (typeof current !== 'object' || current === null) return;
    const known = knownProperties(placed);
    // Where the schema forbids unknown fields, the schema error already names them.
    const check = known.length > 0 && !isClosed(placed);
    for (const [key, child] of Object.entries(current)) {
      const suggestion = check && !known.includes(key) ? closestMatch(key, known) : undefined;
      if (suggestion) {
        const offset = keyOffset(tree, path, key) ?? tree.offset;
        const { line, column } = positions(offset);
        found.push({
          severity: 'warning',
          path: formatPath([...path, key]),
          line,
          column,
          ...spelling.unknownField(key, suggestion),
        });
      }
      walk(child, childSchemas(placed, key), [...path, key]);
    }
  };
  walk(value, rootSchemas(), []);
  return found;
}
