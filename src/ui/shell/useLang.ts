import { useStore } from '../../store/index';
import type { Lang } from '../../sim/text';

/** The learner's language. */
export function useLang(): Lang {
  return useStore((s) => s.lang);
}
