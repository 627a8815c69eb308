// Reading the files a user names — config, manifests, kubeconfig, results — so that a wrong file is a
// plain message naming it, never a hang or a silent change: only regular files (a FIFO would block, a
// device like /dev/zero never ends) and valid UTF-8, or UTF-16 with its byte-order mark (a decoder
// would otherwise put U+FFFD into what is applied). Files read whole are no bigger than a limit;
// load-test outputs are read line by line through a fixed buffer instead, so their size does not matter.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, errorMessage } from './errors.ts';

export const MiB = 1024 * 1024;

/** Manifests, config files, kubeconfigs. */
const smallFileLimit = 4 * MiB;
/** Results read whole, which can be large. */
export const resultFileLimit = 512 * MiB;
/** A line read line by line can be no longer: a file without line breaks is not a line-based file. */
export const maxLineChars = 64 * MiB;
/**
 * Bytes read at a time from a file read line by line. Each chunk's text soon becomes garbage; at this
 * size the young generation takes it back at once (in bench/load-files.ts, 1 MiB chunks peaked 50 to
 * 100 MB higher and were no faster).
 */
export const lineChunkBytes = 64 * 1024;

type Fail = (why: string) => never;

const failure =
  (file: string, what: string): Fail =>
  (why) => {
    throw new ConfigError(`${file}: cannot read the ${what}: ${why}`);
  };

export function readInputFile(file: string, what: string, maxBytes = smallFileLimit): string {
  const fail = failure(file, what);
  return withRegularFile(file, fail, maxBytes, (fd, size) => {
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readChunk(fd, buffer.subarray(length), fail);
    if (length > maxBytes) fail(`more than the ${maxBytes / MiB} MiB allowed`);
    return textDecoder(fd, buffer, fail)(buffer.subarray(0, length), true);
  });
}

/**
 * The file's lines without their line break (LF or CRLF), numbered from 1, read `chunkBytes` at a time:
 * memory stays the same whatever the file's size.
 */
export function readInputLines(
  file: string,
  what: string,
  onLine: (line: string, number: number) => void,
  chunkBytes = lineChunkBytes,
): void {
  const fail = failure(file, what);
  let number = 0;
  // The start of a line that goes on in the next chunk; kept as pieces so a long line is joined once.
  let pieces: string[] = [];
  let piecesLength = 0;
  const emit = (line: string) => onLine(line.endsWith('\r') ? line.slice(0, -1) : line, ++number);
  withRegularFile(file, fail, Infinity, (fd) => {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decode = textDecoder(fd, buffer, fail);
    for (let read = -1; read !== 0;) {
      read = readChunk(fd, buffer, fail);
      const text = decode(buffer.subarray(0, read), read === 0);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        emit(pieces.length > 0 ? pieces.join('') + text.slice(start, end) : text.slice(start, end));
        pieces = [];
        piecesLength = 0;
        start = end + 1;
      }
      if (start < text.length) {
        pieces.push(text.slice(start));
        piecesLength += text.length - start;
        if (piecesLength > maxLineChars)
          fail(`line ${number + 1} is longer than ${maxLineChars / MiB} MiB; is this a line-based file?`);
      }
    }
  });
  if (pieces.length > 0) emit(pieces.join(''));
}

/** Opens `file` only if it is a regular file no bigger than `maxBytes`, and closes it after `use`. */
function withRegularFile<T>(
  file: string,
  fail: Fail,
  maxBytes: number,
  use: (fd: number, size: number) => T,
): T {
  const { fd, size } = guarded(fail, () => {
    const stat = statSync(file, { throwIfNoEntry: false }) ?? fail(notFound(file));
    if (stat.isDirectory()) fail('it is a directory');
    if (!stat.isFile()) fail('not a regular file (a pipe, socket or device)');
    if (stat.size > maxBytes) fail(`${stat.size} bytes is more than the ${maxBytes / MiB} MiB allowed`);
    return { fd: openSync(file, 'r'), size: stat.size };
  });
  try {
    // Checked again on what was opened: the path may have changed since.
    guarded(fail, () => fstatSync(fd).isFile() || fail('not a regular file'));
    return use(fd, size);
  } finally {
    closeSync(fd);
  }
}

/**
 * Why there is no file at `file`. A relative path is looked for in the current directory, which in a
 * CI step (a Tekton workingDir, a Jenkins `dir`) need not be the checkout: the message says which.
 */
function notFound(file: string): string {
  // `-` is standard input to kubectl and many tools; here it would be a file named `-`.
  if (file === '-') return 'standard input is not read: save it to a file and give that file';
  return `no such file or directory${path.isAbsolute(file) ? '' : ` (relative to the current directory, ${process.cwd()})`}`;
}

const readChunk = (fd: number, into: Buffer, fail: Fail): number =>
  guarded(fail, () => readSync(fd, into, 0, into.length, null));

/** A file system error as the file's own message. */
function guarded<T>(fail: Fail, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(errorMessage(error));
  }
}

type Decode = (bytes: Buffer, last: boolean) => string;

/**
 * Decodes a file's bytes chunk by chunk, in order (`last` on the final one); a character may be split
 * between two chunks. UTF-8, or UTF-16 when the file starts with its byte-order mark: Windows
 * PowerShell 5.1 writes that for `kubectl get … > results.yaml` on a Windows agent, and YAML readers
 * must take it.
 */
function textDecoder(fd: number, scratch: Buffer, fail: Fail): Decode {
  let decode: Decode | undefined;
  // A first byte held until the second comes: a byte-order mark may be split between chunks.
  let held = Buffer.alloc(0);
  return (bytes, last) => {
    if (decode) return decode(bytes, last);
    const head = held.length === 0 ? bytes : Buffer.concat([held, bytes]);
    if (head.length < 2 && !last) {
      held = Buffer.from(head); // a copy: the chunk's buffer is read into again
      return '';
    }
    const utf16 = utf16Of(head);
    // A zero byte beside a character in a text's first two bytes: UTF-16 whose mark was left out (some
    // Windows editors and tools), which as UTF-8 would be read as text full of zero bytes.
    if (!utf16 && head.length >= 2 && (head[0] === 0) !== (head[1] === 0))
      fail('UTF-16 without a byte-order mark, it seems; save it as UTF-8 (or UTF-16 with its mark)');
    decode = utf16 ? utf16Decoder(utf16, fail) : utf8Decoder(fd, scratch, fail);
    return decode(head, last);
  };
}

function utf16Of(start: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  return undefined;
}

function utf16Decoder(encoding: 'utf-16le' | 'utf-16be', fail: Fail): Decode {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (bytes, last) => {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      return fail(
        `not valid ${encoding.toUpperCase()} (half of a surrogate pair, or an odd byte at the end)`,
      );
    }
  };
}

/** UTF-8 as in `textDecoder`. Invalid UTF-8 fails naming the offset and line of the first bad byte in the file. */
function utf8Decoder(fd: number, scratch: Buffer, fail: Fail): Decode {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  // The last bytes decoded, up to 3: they may begin a character that the next chunk ends.
  let tail = Buffer.alloc(0);
  return (bytes, last) => {
    try {
      const text = decoder.decode(bytes, { stream: !last });
      tail = Buffer.concat([tail, bytes.subarray(-3)]).subarray(-3);
      offset += bytes.length;
      return text;
    } catch {
      // Continuation bytes at the start of the tail end a character that was already decoded.
      let start = 0;
      while (start < tail.length && ((tail[start] ?? 0) & 0xc0) === 0x80) start++;
      const at =
        offset - tail.length + start + firstInvalidByte(Buffer.concat([tail.subarray(start), bytes]));
      return fail(`not valid UTF-8 (first bad byte at offset ${at}, line ${lineAt(fd, at, scratch)})`);
    }
  };
}

/** Where the first byte sequence that is not UTF-8 starts (only called once decoding failed). */
function firstInvalidByte(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80 ? 1 : lead >> 5 === 0x6 ? 2 : lead >> 4 === 0xe ? 3 : lead >> 3 === 0x1e ? 4 : 0;
    if (length === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** The line of byte `offset`, counted by reading the file again from its start (only on an error). */
function lineAt(fd: number, offset: number, scratch: Buffer): number {
  let line = 1;
  for (let position = 0; position < offset;) {
    const read = readSync(fd, scratch, 0, Math.min(scratch.length, offset - position), position);
    if (read === 0) break;
    const bytes = scratch.subarray(0, read);
    for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) line++;
    position += read;
  }
  return line;
}
