let answer: boolean | undefined;

/**
 * WebGL 2 on a real GPU. A software implementation (SwiftShader, llvmpipe: headless browsers,
 * machines without a GPU driver) draws more slowly than the 2D canvas with its viewport texture.
 * Asked once per page: making a WebGL context to ask costs tens of milliseconds.
 */
export function hardwareWebgl2(): boolean {
  answer ??= probe();
  return answer;
}

function probe(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}
