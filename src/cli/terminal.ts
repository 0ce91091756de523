/** Whether to colour what goes to stderr: a terminal, and NO_COLOR (https://no-color.org) unset or empty. */
export function useColor(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
}
