// Paths to the shared LitmusChaos and Argo fixtures beside the repository (../shared/fixtures).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const sharedFixtures = path.resolve(repoRoot, '../shared/fixtures');

export function sharedFixture(relative: string): string {
  const file = path.join(sharedFixtures, relative);
  if (!existsSync(file))
    throw new Error(`missing shared fixture ${file}: is ../shared beside the repository?`);
  return file;
}

export function loadFixture<T>(relative: string): T {
  return parse(readFileSync(sharedFixture(relative), 'utf8')) as T;
}
