// Paths to this repository's own test fixtures (test/fixtures).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixtures.ts';

export const localFixture = (relative: string): string => path.join(repoRoot, 'test/fixtures', relative);
export const readLocalFixture = (relative: string): string => readFileSync(localFixture(relative), 'utf8');
