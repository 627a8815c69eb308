// Reading the files a user names — config, manifests, kubeconfig, results — so that a wrong file is a
// plain message naming it, never a hang or a silent change: only regular files (a FIFO would block, a
// device like /dev/zero never ends), no bigger than a limit, and valid UTF-8 (a decoder would
// otherwise put U+FFFD into what is applied).
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { ConfigError, errorMessage } from './errors.ts';

export const MiB = 1024 * 1024;

/** Manifests, config files, kubeconfigs. */
const smallFileLimit = 4 * MiB;
/** Load-test outputs and other results, which can be large. */
export const resultFileLimit = 512 * MiB;

export function readInputFile(file: string, what: string, maxBytes = smallFileLimit): string {
  const fail = (why: string): never => {
    throw new ConfigError(`${file}: cannot read the ${what}: ${why}`);
  };
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) fail('it is a directory');
    if (!stat.isFile()) fail('not a regular file (a pipe, socket or device)');
    size = stat.size;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(errorMessage(error));
  }
  if (size > maxBytes) fail(`${size} bytes is more than the ${maxBytes / MiB} MiB allowed`);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // Checked again on what was opened: the path may have changed since.
    if (!fstatSync(fd).isFile()) fail('not a regular file');
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) fail(`more than the ${maxBytes / MiB} MiB allowed`);
    return decodeUtf8(buffer.subarray(0, length), (why) => fail(why));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(errorMessage(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function decodeUtf8(bytes: Buffer, fail: (why: string) => never): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    return fail(`not valid UTF-8 (first bad byte at offset ${at}, line ${lineAt(bytes, at)})`);
  }
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

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
