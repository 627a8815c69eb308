#!/usr/bin/env node
import { createRequire as __chaosGateCreateRequire } from 'node:module';
const require = __chaosGateCreateRequire(import.meta.url);
import {
  ConfigError,
  errorMessage
} from "./chunk-A2VFD3MS.js";

// src/files.ts
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
var MiB = 1024 * 1024;
var smallFileLimit = 4 * MiB;
var resultFileLimit = 512 * MiB;
var maxLineChars = 64 * MiB;
var lineChunkBytes = 64 * 1024;
var failure = (file, what) => (why) => {
  throw new ConfigError(`${file}: cannot read the ${what}: ${why}`);
};
function readInputFile(file, what, maxBytes = smallFileLimit) {
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
function readInputLines(file, what, onLine, chunkBytes = lineChunkBytes) {
  const fail = failure(file, what);
  let number = 0;
  let pieces = [];
  let piecesLength = 0;
  const emit = (line) => onLine(line.endsWith("\r") ? line.slice(0, -1) : line, ++number);
  withRegularFile(file, fail, Infinity, (fd) => {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decode = textDecoder(fd, buffer, fail);
    for (let read = -1; read !== 0; ) {
      read = readChunk(fd, buffer, fail);
      const text = decode(buffer.subarray(0, read), read === 0);
      let start = 0;
      for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
        emit(pieces.length > 0 ? pieces.join("") + text.slice(start, end) : text.slice(start, end));
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
  if (pieces.length > 0) emit(pieces.join(""));
}
function withRegularFile(file, fail, maxBytes, use) {
  const { fd, size } = guarded(fail, () => {
    const stat = statSync(file, { throwIfNoEntry: false }) ?? fail(notFound(file));
    if (stat.isDirectory()) fail("it is a directory");
    if (!stat.isFile()) fail("not a regular file (a pipe, socket or device)");
    if (stat.size > maxBytes) fail(`${stat.size} bytes is more than the ${maxBytes / MiB} MiB allowed`);
    return { fd: openSync(file, "r"), size: stat.size };
  });
  try {
    guarded(fail, () => fstatSync(fd).isFile() || fail("not a regular file"));
    return use(fd, size);
  } finally {
    closeSync(fd);
  }
}
function notFound(file) {
  if (file === "-") return "standard input is not read: save it to a file and give that file";
  return `no such file or directory${path.isAbsolute(file) ? "" : ` (relative to the current directory, ${process.cwd()})`}`;
}
var readChunk = (fd, into, fail) => guarded(fail, () => readSync(fd, into, 0, into.length, null));
function guarded(fail, action) {
  try {
    return action();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail(errorMessage(error));
  }
}
function textDecoder(fd, scratch, fail) {
  let decode;
  let held = Buffer.alloc(0);
  return (bytes, last) => {
    if (decode) return decode(bytes, last);
    const head = held.length === 0 ? bytes : Buffer.concat([held, bytes]);
    if (head.length < 2 && !last) {
      held = Buffer.from(head);
      return "";
    }
    const utf16 = utf16Of(head);
    if (!utf16 && head.length >= 2 && head[0] === 0 !== (head[1] === 0))
      fail("UTF-16 without a byte-order mark, it seems; save it as UTF-8 (or UTF-16 with its mark)");
    decode = utf16 ? utf16Decoder(utf16, fail) : utf8Decoder(fd, scratch, fail);
    return decode(head, last);
  };
}
function utf16Of(start) {
  if (start[0] === 255 && start[1] === 254) return "utf-16le";
  if (start[0] === 254 && start[1] === 255) return "utf-16be";
  return void 0;
}
function utf16Decoder(encoding, fail) {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (bytes, last) => {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      return fail(
        `not valid ${encoding.toUpperCase()} (half of a surrogate pair, or an odd byte at the end)`
      );
    }
  };
}
function utf8Decoder(fd, scratch, fail) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let offset = 0;
  let tail = Buffer.alloc(0);
  return (bytes, last) => {
    try {
      const text = decoder.decode(bytes, { stream: !last });
      tail = Buffer.concat([tail, bytes.subarray(-3)]).subarray(-3);
      offset += bytes.length;
      return text;
    } catch {
      let start = 0;
      while (start < tail.length && ((tail[start] ?? 0) & 192) === 128) start++;
      const at = offset - tail.length + start + firstInvalidByte(Buffer.concat([tail.subarray(start), bytes]));
      return fail(`not valid UTF-8 (first bad byte at offset ${at}, line ${lineAt(fd, at, scratch)})`);
    }
  };
}
function firstInvalidByte(bytes) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    const length = lead < 128 ? 1 : lead >> 5 === 6 ? 2 : lead >> 4 === 14 ? 3 : lead >> 3 === 30 ? 4 : 0;
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
function lineAt(fd, offset, scratch) {
  let line = 1;
  for (let position = 0; position < offset; ) {
    const read = readSync(fd, scratch, 0, Math.min(scratch.length, offset - position), position);
    if (read === 0) break;
    const bytes = scratch.subarray(0, read);
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) line++;
    position += read;
  }
  return line;
}

export {
  MiB,
  resultFileLimit,
  maxLineChars,
  readInputFile,
  readInputLines
};
