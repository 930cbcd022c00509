// `npm run stop`: stops the dev server that `npm start` started (by its recorded process id).
import { readFileSync, rmSync, existsSync } from 'node:fs';

const file = '.certs/dev-server.pid';
if (!existsSync(file)) {
  console.log('IA Planner: ingen utviklingsserver kjører.');
} else {
  const pid = Number(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`IA Planner: stoppet utviklingsserveren (prosess ${pid}).`);
  } catch {
    console.log('IA Planner: utviklingsserveren kjørte ikke lenger.');
  }
  rmSync(file);
}
