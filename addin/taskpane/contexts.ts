/** Values handed down the component tree with @lit/context, provided by `<ia-app>`. */
import { createContext } from '@lit/context';
import type { Lang } from '../../engine/index.js';

/** The language the user chose; components re-render when it changes. */
export const langContext = createContext<Lang>(Symbol('ia-lang'));
