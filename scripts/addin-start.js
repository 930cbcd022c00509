// `npm start`: serves the add-in on https://localhost:3000 (webpack dev server) and says how to
// sideload manifest.xml. Stop it with Ctrl+C or `npm run stop`.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';

const server = spawn(process.execPath, ['node_modules/webpack-cli/bin/cli.js', 'serve', '--mode', 'development'], {
  stdio: 'inherit',
});
mkdirSync('.certs', { recursive: true });
writeFileSync('.certs/dev-server.pid', String(server.pid));

console.log(`
IA Planner kjører på https://localhost:3000

Slik laster du tillegget inn i Excel (sideload):
  Excel på nettet:  Hjem > Tillegg > Flere innstillinger > Last opp mitt tillegg, og velg manifest.xml.
  Excel for Windows: legg mappen med manifest.xml til som en delt mappe i Klareringssenter >
                     Klarerte tilleggskataloger, start Excel på nytt, og velg Hjem > Tillegg > Delt mappe.
  Excel for Mac:     kopier manifest.xml til ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                     og start Excel på nytt.

Forhåndsvisning i nettleseren (uten Excel): https://localhost:3000/preview.html
Stopp med Ctrl+C eller npm run stop.
`);

server.on('exit', (code) => process.exit(code ?? 0));

// Without Excel at hand, the preview is the way in: open it in the user's browser when there is a
// desktop to open it on (none on a server or in CI, where the address above is enough).
const PREVIEW = 'https://localhost:3000/preview.html';
const opener =
  process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : process.env.DISPLAY ? 'xdg-open' : null;
if (opener && !process.env.CI && !process.argv.includes('--no-open')) {
  setTimeout(() => {
    const child = spawn(opener, [PREVIEW], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`Åpne ${PREVIEW} i nettleseren.`));
    child.unref();
  }, 8000);
}
