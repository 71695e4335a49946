/**
 * Which Phaser renderer this device should use. WebGL when the browser has a real GPU;
 * Canvas when WebGL would run in software (SwiftShader, llvmpipe, "major performance
 * caveat"), where Phaser's Canvas renderer draws several times faster: measured in headless
 * Chromium without a GPU, 1,000 moving sprites over a baked layer at 3 fps in WebGL and 60
 * in Canvas. `?renderer=webgl|canvas` overrides the choice (tests, benchmarks, a teacher
 * with a bad driver).
 */
export type RendererKind = 'webgl' | 'canvas';

export interface RendererChoice {
  kind: RendererKind;
  /** Why, for the bench and the console: 'override', 'hardware', 'software: <renderer>', 'no webgl'. */
  reason: string;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export function pickRenderer(search: string = typeof location === 'undefined' ? '' : location.search): RendererChoice {
  const asked = new URLSearchParams(search).get('renderer');
  if (asked === 'webgl' || asked === 'canvas') return { kind: asked, reason: 'override' };
  if (typeof document === 'undefined') return { kind: 'canvas', reason: 'no document' };
  const canvas = document.createElement('canvas');
  let gl: WebGLRenderingContext | null = null;
  try {
    gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
  } catch {
    gl = null;
  }
  if (!gl) return { kind: 'canvas', reason: 'no hardware webgl' };
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    if (SOFTWARE.test(name)) return { kind: 'canvas', reason: `software: ${name}` };
    return { kind: 'webgl', reason: 'hardware' };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
