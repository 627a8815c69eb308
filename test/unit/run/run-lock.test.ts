// Who holds a run id, as told to the run it turns away: the host and process, and the CI build.
import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { describeHolder } from '../../../src/run/run-lock.ts';

test('the holder names its host and process, and the CI build it runs for', () => {
  const here = `host ${os.hostname()} pid ${process.pid}`;
  assert.equal(describeHolder({}), here);
  assert.equal(
    describeHolder({
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_RUN_ID: '42',
    }),
    `${here}, CI build https://github.com/o/r/actions/runs/42`,
  );
  assert.equal(
    describeHolder({ BUILD_URL: 'https://ci.example/job/shop/7/' }),
    `${here}, CI build https://ci.example/job/shop/7/`,
  );
});
