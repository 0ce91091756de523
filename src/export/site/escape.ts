/** Attribute values for the site's markup. */
import { escapeAttribute as escapeQuotes } from 'entities';

/**
 * `&`, `"` and also `<` and `>` escaped (the standard allows those two in a quoted value, but a
 * reader of the source, or a careless parser, should never see markup in a value); other
 * characters stay as they are, so the source stays readable in any script.
 */
export function escapeAttribute(value: string): string {
  return escapeQuotes(value).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
