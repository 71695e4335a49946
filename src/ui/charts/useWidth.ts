import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width in CSS px of the element `ref` points at, so an SVG can use a viewBox of that
 * width and draw text at true pixel sizes. `fixed` skips measuring (tests, print);
 * `fallback` is used until the first measurement (and on the server).
 */
export function useWidth<T extends HTMLElement>(fixed: number | undefined, fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (fixed !== undefined || !el || typeof ResizeObserver === 'undefined') return;
    const update = (w: number): void => {
      // Whole pixels, and ignore sub-pixel jitter (a scrollbar appearing can otherwise loop).
      const px = Math.round(w);
      if (px > 0) setMeasured((old) => (old !== null && Math.abs(old - px) < 2 ? old : px));
    };
    update(el.getBoundingClientRect().width);
    const ro = new ResizeObserver((entries) => {
      const e = entries[0];
      if (e) update(e.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fixed]);
  return [ref, fixed ?? measured ?? fallback];
}
