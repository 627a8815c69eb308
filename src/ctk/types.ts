// The parts of a Chaos Toolkit journal (journal.json, written by chaoslib's run.py and activity.py)
// chaos-gate reads. As a schema: a journal is checked against it, so a wrong shape names the field. The
// rest of what a journal carries (the experiment, platform…) is kept unread.
import * as z from 'zod';
import { expecting } from '../schema-issues.ts';

/**
 * Python's `datetime.isoformat()` of the UTC time: chaoslib 1.44 writes it with `+00:00`, older versions
 * (1.20 and before) without a zone, which JavaScript would read as local time; those get their `Z`.
 */
const timestamp = z.iso
  .datetime({ offset: true, local: true, error: expecting('an ISO 8601 date and time') })
  .transform((time) => (/(?:Z|[+-]\d\d:\d\d)$/.test(time) ? time : `${time}Z`));
const seconds = z.number().nonnegative();

/** One probe or action as it ran. */
const activityRunSchema = z.looseObject({
  activity: z
    .looseObject({
      type: z.string().optional(),
      name: z.string().optional(),
      tolerance: z.unknown().optional(),
    })
    .optional(),
  /** `succeeded` or `failed`; missing when the run was interrupted during the activity. */
  status: z.string().optional(),
  output: z.unknown().optional(),
  /** The Python traceback, as `traceback.format_exception` lines (or already joined). */
  exception: z
    .union([z.array(z.string()), z.string()], { error: expecting('text or a list of text') })
    .optional(),
  start: timestamp.optional(),
  end: timestamp.optional(),
  duration: seconds.optional(),
  /** Set on steady-state hypothesis probes. */
  tolerance_met: z.boolean().optional(),
});
export type ActivityRun = z.output<typeof activityRunSchema>;

/** A steady-state hypothesis run; null when the experiment has none or did not get to it. */
const steadyStateSchema = z.looseObject({ probes: z.array(activityRunSchema).optional() }).nullable();

export const journalSchema = z.looseObject({
  experiment: z.looseObject({ title: z.string().optional() }).optional(),
  /** `completed`, `failed`, `aborted` or `interrupted`; null until the run ends. */
  status: z.string().nullable(),
  deviated: z.boolean().optional(),
  start: timestamp.optional(),
  end: timestamp.optional(),
  duration: seconds.optional(),
  steady_states: z
    .looseObject({ before: steadyStateSchema.optional(), after: steadyStateSchema.optional() })
    .optional(),
  run: z.array(activityRunSchema).optional(),
  /** The rollback actions as they ran: `chaos run` exits 0 when one fails. */
  rollbacks: z.array(activityRunSchema).optional(),
});
