// The real public event logs (`shared/data/eventlogs/`, with their published counts) live
// beside the checkout, not in it. A clone made elsewhere (CI cloning into /tmp) finds them
// beside the repository it was cloned from; KLANTREIS_SHARED_DATA names the folder outright.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));

function originRepository(): string | null {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: REPOSITORY, encoding: 'utf8' }).trim();
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    return isAbsolute(path) || path.startsWith('.') ? resolve(REPOSITORY, path) : null;
  } catch {
    return null;
  }
}

function findSharedData(): string {
  if (process.env.KLANTREIS_SHARED_DATA) return resolve(process.env.KLANTREIS_SHARED_DATA);
  const besideCheckout = join(dirname(resolve(REPOSITORY)), 'shared', 'data');
  if (existsSync(besideCheckout)) return besideCheckout;
  const origin = originRepository();
  const besideOrigin = origin === null ? null : join(dirname(origin), 'shared', 'data');
  if (besideOrigin !== null && existsSync(besideOrigin)) return besideOrigin;
  return besideCheckout; // missing: the tests that read it fail with this path in the message
}

/** `shared/data`, the folder of the public data sets. */
export const SHARED_DATA = findSharedData();
/** `shared/data/eventlogs/`, with a trailing separator. */
export const SHARED_EVENT_LOGS = join(SHARED_DATA, 'eventlogs') + '/';
