// The repository's own test fixtures (test/fixtures; what each is modelled on: its README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export const fixturePath = (relative: string): string => path.join(repoRoot, 'test/fixtures', relative);
export const readFixture = (relative: string): string => readFileSync(fixturePath(relative), 'utf8');
/** A YAML (or JSON) fixture, parsed. */
export const loadFixture = <T>(relative: string): T => parse(readFixture(relative)) as T;
