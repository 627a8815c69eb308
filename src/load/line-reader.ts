// What each per-request result format is: a reader of the file's lines, fed as they are read.

/** Takes a file's lines in order, from its first line that is not blank, then `end()` once. */
export interface LineReader {
  line(text: string, number: number): void;
  end(): void;
}
