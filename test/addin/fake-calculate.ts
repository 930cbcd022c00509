/**
 * The fake Excel's stand-in for a calculation engine: the value of a formula made of constants
 * only, which is all the adapter's tests and the port contract write without a table to refer to.
 */

/** A cell's value in the fake. */
export type Value = string | number | boolean;

/**
 * The value Excel would calculate for a formula made of constants only: numbers, text in quotes,
 * TRUE and FALSE, `+ - * /` (with the usual precedence and unary minus), `&`, parentheses and
 * `IF(condition, then, else)`. The fake has no calculation engine: a formula with a reference or
 * any other function holds 0.
 */
export function calculate(formula: string): Value {
  const tokens = formula.slice(1).match(/\s*("(?:[^"]|"")*"|\d+(?:\.\d+)?|[A-Za-z]+|[-+*/&(),])/gy);
  if (!tokens || tokens.join('').length !== formula.length - 1) return 0;
  const list = tokens.map((t) => t.trim());
  let at = 0;
  const peek = () => list[at];
  const take = (expected?: string): string => {
    const token = list[at++];
    if (token === undefined || (expected !== undefined && token.toUpperCase() !== expected)) throw new Error('syntax');
    return token;
  };
  const number = (v: Value): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    throw new Error('#VALUE!');
  };
  const atom = (): Value => {
    const token = take();
    if (token === '-') return -number(atom());
    if (token === '(') {
      const inner = concat();
      take(')');
      return inner;
    }
    if (token.startsWith('"')) return token.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(token)) return Number(token);
    const word = token.toUpperCase();
    if (word === 'TRUE' || word === 'FALSE') return word === 'TRUE';
    if (word === 'IF' && peek() === '(') {
      take('(');
      const condition = concat();
      take(',');
      const then = concat();
      take(',');
      const otherwise = concat();
      take(')');
      return number(condition) !== 0 ? then : otherwise;
    }
    throw new Error('unsupported');
  };
  const product = (): Value => {
    let v = atom();
    while (peek() === '*' || peek() === '/') v = take() === '*' ? number(v) * number(atom()) : number(v) / number(atom());
    return v;
  };
  const sum = (): Value => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = take() === '+' ? number(v) + number(product()) : number(v) - number(product());
    return v;
  };
  const concat = (): Value => {
    let v = sum();
    while (peek() === '&') {
      take();
      v = `${String(v)}${String(sum())}`;
    }
    return v;
  };
  try {
    const value = concat();
    return at === list.length ? value : 0;
  } catch {
    return 0;
  }
}
