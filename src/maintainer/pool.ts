/** Runs async tasks with at most `width` in flight (Chromium-starting steps share two cores). */
export async function inPool(tasks: readonly (() => Promise<void>)[], width = 2): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    }),
  );
}
