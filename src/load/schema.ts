// The `load:` section of the config file: a load test started before the chaos and kept running
// through it, its result files, and the thresholds and chaos-impact limits to gate on.
import * as z from 'zod';
import { duration, latency } from '../config/duration.ts';
import { rate } from '../config/percent.ts';
import { expecting } from '../schema-issues.ts';

export const loadSchema = z.strictObject({
  /** A string runs through `sh -c`; a list runs the program directly. Not needed to convert results. */
  command: z
    .union([z.string().min(1), z.array(z.string()).min(1)], {
      error: expecting('a command line or a list of the program and its arguments'),
    })
    .optional(),
  cwd: z.string().optional(),
  /** Added to the few variables the command inherits (PATH, HOME, locale, proxies, CA files). */
  env: z.record(z.string(), z.string()).optional(),
  /** Names of more variables to pass through from chaos-gate's environment. */
  passEnv: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: expecting('a variable name (letters, digits and _)') }),
    )
    .default([]),
  /** How long the load runs before the chaos starts: the baseline. */
  leadTime: duration.default(30_000),
  /** How long it runs after the chaos ends. */
  tail: duration.default(30_000),
  /** After the tail: wait for the command to end (at most until the overall timeout), or stop it. */
  stop: z.enum(['wait', 'terminate']).default('terminate'),
  /** How long the command's process group gets between SIGTERM and SIGKILL. */
  terminateGrace: duration.default(10_000),
  results: z
    .strictObject({
      k6Summary: z.string().optional(),
      k6Json: z.string().optional(),
      jtl: z.string().optional(),
      heyCsv: z.string().optional(),
    })
    .default({}),
  thresholds: z
    .strictObject({ p95: latency.optional(), p99: latency.optional(), errorRate: rate.optional() })
    .default({}),
  impact: z
    .strictObject({ maxP95Ratio: z.number().positive().optional(), maxErrorRateDuringChaos: rate.optional() })
    .default({}),
});

export type LoadConfig = z.output<typeof loadSchema>;
