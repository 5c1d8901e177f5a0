// The checks before the tests, side by side: the type check and the linter each take one of the
// two cores for most of a minute, one after the other they took 1.5 minutes of every CI run.
// Each one's output is printed whole when it ends (not interleaved); the web build follows,
// since the browser tests need it. Exits non-zero when any of them fails.
import { spawn } from 'node:child_process';

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> ${script}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s\n${output}`);
      resolve(code === 0);
    });
  });
}

const side = await Promise.all([run('typecheck'), run('lint')]);
const built = side.every(Boolean) && (await run('build'));
process.exit(built ? 0 : 1);
