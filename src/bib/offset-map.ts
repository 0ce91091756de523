/**
 * Where an offset in a shortened copy of a text was in the original. The .bib passes shorten
 * the text the parser reads (unread values dropped, `\textless` made one character) because the
 * parser's time grows with its length; positions in messages still point into the file.
 */
export class OffsetMap {
  /** Offsets in the shortened text from which `removed[i]` characters are missing before. */
  private readonly starts: number[] = [];
  private readonly removed: number[] = [];
  private total = 0;

  /** `count` characters of the original are missing before offset `at` of the copy (increasing). */
  shorten(at: number, count: number): void {
    if (count <= 0) return;
    this.total += count;
    this.starts.push(at);
    this.removed.push(this.total);
  }

  /** The offset in the original of `offset` in the copy. */
  original(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return offset + (low === 0 ? 0 : this.removed[low - 1]!);
  }
}
