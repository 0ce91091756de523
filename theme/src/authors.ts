/**
 * A publication's authors as other tools write them: names, or objects with a name and more
 * (`{ "name": …, "url": …, "affiliation": … }`, as academic CV tools such as cvkit do). The
 * names make the author list; whatever else an author object holds is shown as a detail under
 * that author's name, so nothing is lost.
 */
import { leaves, NOT_CONTENT, type Detail } from './details';
import { obj, str } from './text';

const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** An author object's name, or '' when the item is not one. */
function objectName(item: unknown): string {
  return typeof item === 'object' && item !== null && !Array.isArray(item)
    ? str(obj(item)['name'])
    : '';
}

/** The names in author order. */
export function authorNames(value: unknown): string[] {
  return items(value)
    .map((item) =>
      typeof item === 'string' || typeof item === 'number' ? str(item) : objectName(item),
    )
    .filter((name) => name !== '');
}

/** What the author list cannot show: an author object's other fields, a value of another shape. */
export function authorDetails(value: unknown): Detail[] {
  return items(value).flatMap((item) => {
    if (typeof item === 'string' || typeof item === 'number') return [];
    const name = objectName(item);
    if (name === '') return leaves(item, 'authors');
    const rest = Object.entries(obj(item)).filter(
      ([key]) => key !== 'name' && !NOT_CONTENT.has(key),
    );
    return rest.flatMap(([, inner]) => leaves(inner, name));
  });
}
