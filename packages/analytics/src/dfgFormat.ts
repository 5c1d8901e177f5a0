/** A directly-follows graph in the `.dfg` text format of process-mining tools (pm4py, ProM). */
export interface DfgFile {
  activities: string[];
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
  edges: { from: string; to: string; count: number }[];
}

/**
 * Parses the `.dfg` format: the activity count and names (index = order), then the start
 * activities as `index x count`, the end activities likewise, then `from>to x count` edges.
 */
export function parseDfg(text: string): DfgFile {
  const lines = text.split(/\r?\n/);
  let position = 0;
  const next = (what: string): string => {
    const line = lines[position];
    if (line === undefined) throw new SyntaxError(`.dfg line ${position + 1}: expected ${what}, found the end`);
    position++;
    return line;
  };
  const count = (what: string): number => {
    const line = next(what);
    if (!/^\d+$/.test(line.trim())) throw new SyntaxError(`.dfg line ${position}: expected ${what}, found ${JSON.stringify(line)}`);
    return Number(line);
  };
  const activity = (index: number): string => {
    const name = activities[index];
    if (name === undefined) throw new SyntaxError(`.dfg line ${position}: no activity ${index}`);
    return name;
  };
  const activities: string[] = [];
  const activityCount = count('the number of activities');
  for (let i = 0; i < activityCount; i++) activities.push(next('an activity name'));
  const readCounts = (what: string): Record<string, number> => {
    const counts: Record<string, number> = {};
    const entries = count(`the number of ${what}`);
    for (let i = 0; i < entries; i++) {
      const match = /^(\d+)x(\d+)$/.exec(next(`a ${what} entry`).trim());
      if (match === null) throw new SyntaxError(`.dfg line ${position}: expected index x count`);
      counts[activity(Number(match[1]))] = Number(match[2]);
    }
    return counts;
  };
  const startActivities = readCounts('start activities');
  const endActivities = readCounts('end activities');
  const edges: DfgFile['edges'] = [];
  while (position < lines.length) {
    const line = lines[position++]!.trim();
    if (line === '') continue;
    const match = /^(\d+)>(\d+)x(\d+)$/.exec(line);
    if (match === null) throw new SyntaxError(`.dfg line ${position}: expected from>to x count, found ${JSON.stringify(line)}`);
    edges.push({ from: activity(Number(match[1])), to: activity(Number(match[2])), count: Number(match[3]) });
  }
  return { activities, startActivities, endActivities, edges };
}
