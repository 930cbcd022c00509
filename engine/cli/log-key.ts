/**
 * The command line's log key: the secret that turns `Logg` into an HMAC chain (engine/audit/log.ts).
 * It comes from the environment, never from the workbook or the command line (where `ps` and shell
 * histories would show it): `IA_PLANNER_LOG_KEY` holds the key as text, or `IA_PLANNER_LOG_KEY_FILE`
 * names a file that holds it (a trailing line break is not part of the key).
 */
import { readFileSync } from 'node:fs';
import { logKeyOf, MIN_LOG_KEY_BYTES, problem, type Lang, type LogKey, type Problem } from '../index.js';

/** The key of the environment, none when neither variable is set, or the problem that makes it unusable. */
export function logKeyFromEnvironment(lang: Lang, env: NodeJS.ProcessEnv = process.env): LogKey | null | Problem {
  const text = env['IA_PLANNER_LOG_KEY'];
  const path = env['IA_PLANNER_LOG_KEY_FILE'];
  const params = { min: String(MIN_LOG_KEY_BYTES) };
  let secret: Uint8Array;
  let source: string;
  if (text !== undefined && text !== '') {
    secret = new TextEncoder().encode(text);
    source = 'IA_PLANNER_LOG_KEY';
  } else if (path !== undefined && path !== '') {
    try {
      const bytes = readFileSync(path);
      let end = bytes.length;
      while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
      secret = new Uint8Array(bytes.subarray(0, end));
    } catch {
      const place = { file: path, line: null, column: null, value: null };
      return problem('bad_log_key', place, lang, params, lang === 'nb' ? 'Filen kan ikke leses.' : 'The file cannot be read.');
    }
    source = path;
  } else return null;
  if (secret.length < MIN_LOG_KEY_BYTES) {
    const place = { file: source, line: null, column: null, value: null };
    const detail = lang === 'nb' ? `Nøkkelen har bare ${secret.length} byte.` : `The key has only ${secret.length} bytes.`;
    return problem('bad_log_key', place, lang, params, detail);
  }
  return logKeyOf(secret);
}

/** Whether a value is a problem (not a key). */
export function isKeyProblem(value: LogKey | null | Problem): value is Problem {
  return value !== null && 'code' in value;
}
