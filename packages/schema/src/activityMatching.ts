// Which step an event-log activity belongs to, from the steps' activity patterns. Pure, so the
// analytics on the server and the mapping view in the browser agree on every activity.
//
// A pattern is an exact activity name, or a glob: `*` any text (also none), `?` one character.
// Names compare case-sensitively, as process-mining tools do. An exact name beats a pattern, so
// `W_Completeren aanvraag` on one step wins over `W_*` on another; otherwise the first step in
// journey order whose pattern matches takes the activity. One activity maps to one step at most.

export interface PatternStep {
  id: string;
  activityPatterns: readonly string[];
}

export function isGlobPattern(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** The glob as an anchored regular expression; every other character stands for itself. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

/** A matcher for a journey's steps, in journey order: `stepFor(activity)` is a step id or null. */
export function activityMatcher(steps: readonly PatternStep[]): { stepFor(activity: string): string | null } {
  const exact = new Map<string, string>();
  const globs: { stepId: string; regExp: RegExp }[] = [];
  for (const step of steps) {
    for (const pattern of step.activityPatterns) {
      if (!exact.has(pattern)) exact.set(pattern, step.id);
      if (isGlobPattern(pattern)) globs.push({ stepId: step.id, regExp: globToRegExp(pattern) });
    }
  }
  return {
    stepFor(activity: string): string | null {
      const named = exact.get(activity);
      if (named !== undefined) return named;
      for (const glob of globs) if (glob.regExp.test(activity)) return glob.stepId;
      return null;
    },
  };
}

/** Each activity with the step it maps to (null: unmapped), in the order given. */
export function mapActivitiesToSteps(steps: readonly PatternStep[], activities: readonly string[]): Map<string, string | null> {
  const matcher = activityMatcher(steps);
  return new Map(activities.map((activity) => [activity, matcher.stepFor(activity)]));
}
