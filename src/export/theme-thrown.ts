/**
 * Whatever a theme throws, as one line of text. A theme may throw anything — null, a Symbol, an
 * object whose toString() throws, an Error whose `message` is a getter that throws — and none of
 * it may escape as a crash of the exporter or be printed without saying what it was.
 */
export function describeThrown(value: unknown): string {
  try {
    return describe(value);
  } catch {
    // A getter, a toString() or a Proxy trap threw while the value was read.
    return 'a value that cannot be shown as text (reading it threw)';
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return errorText(value);
  switch (typeof value) {
    case 'string':
      return value.trim() === '' ? 'an empty string (not an Error)' : value;
    case 'symbol':
      return `${value.toString()} (a Symbol, not an Error)`;
    case 'undefined':
      return 'undefined (not an Error)';
    case 'object':
      if (value === null) return 'null (not an Error)';
      return `an object, not an Error: ${objectText(value)}`;
    default:
      return `${String(value)} (a ${typeof value}, not an Error)`;
  }
}

function errorText(error: Error): string {
  let message: unknown;
  try {
    message = error.message;
  } catch {
    return 'an Error whose message cannot be read (reading it threw)';
  }
  if (typeof message === 'string' && message.trim() !== '') return message;
  return `${String(error.name) || 'Error'} without a message`;
}

/** Its own toString() when it has one, else its JSON, cut short: a page of data says nothing more. */
function objectText(value: object): string {
  const { toString } = value as { toString?: unknown };
  const text =
    typeof toString === 'function' && toString !== Object.prototype.toString
      ? String((toString as () => unknown).call(value))
      : (JSON.stringify(value) ?? Object.prototype.toString.call(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
