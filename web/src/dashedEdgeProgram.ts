// Sigma v3 draws edges solid only. This program draws an edge as a rectangle like sigma's own
// EdgeRectangleProgram, but a fragment shader leaves gaps along its length when the edge's
// `dashed` attribute is set, so contested claims (alleged, denied) read as dashed lines.
import { EdgeProgram, type ProgramInfo } from 'sigma/rendering';
import { floatColor } from 'sigma/utils';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_dashed;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;
varying float v_dashed;

const float bias = 255.0 / 254.0;

void main() {
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness, 1)).xy, 0, 1);

  // Distance from the source in screen pixels: clip-space length over the size of a pixel.
  vec2 start = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 end = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length(end - start) / (u_correctionRatio * 2.0);
  v_dashed = a_dashed;

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;
varying float v_dashed;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (v_dashed > 0.5 && mod(v_along, 10.0) > 6.0) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const UNIFORMS = ['u_matrix', 'u_zoomRatio', 'u_sizeRatio', 'u_correctionRatio', 'u_pixelRatio', 'u_feather', 'u_minEdgeThickness'] as const;

export class DashedEdgeProgram extends EdgeProgram<(typeof UNIFORMS)[number]> {
  getDefinition() {
    return {
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_positionStart', size: 2, type: FLOAT },
        { name: 'a_positionEnd', size: 2, type: FLOAT },
        { name: 'a_normal', size: 2, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_dashed', size: 1, type: FLOAT },
      ],
      CONSTANT_ATTRIBUTES: [
        { name: 'a_positionCoef', size: 1, type: FLOAT },
        { name: 'a_normalCoef', size: 1, type: FLOAT },
      ],
      CONSTANT_DATA: [[0, 1], [0, -1], [1, 1], [1, 1], [0, -1], [1, -1]],
    };
  }

  processVisibleItem(edgeIndex: number, startIndex: number, source: NodeDisplayData, target: NodeDisplayData, data: EdgeDisplayData & { dashed?: boolean }) {
    const thickness = data.size || 1;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const squared = dx * dx + dy * dy;
    const inverse = squared ? 1 / Math.sqrt(squared) : 0;
    const array = this.array;
    array[startIndex++] = source.x;
    array[startIndex++] = source.y;
    array[startIndex++] = target.x;
    array[startIndex++] = target.y;
    array[startIndex++] = -dy * inverse * thickness;
    array[startIndex++] = dx * inverse * thickness;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = edgeIndex;
    array[startIndex++] = data.dashed ? 1 : 0;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo) {
    const u = uniformLocations;
    gl.uniformMatrix3fv(u.u_matrix!, false, params.matrix);
    gl.uniform1f(u.u_zoomRatio!, params.zoomRatio);
    gl.uniform1f(u.u_sizeRatio!, params.sizeRatio);
    gl.uniform1f(u.u_correctionRatio!, params.correctionRatio);
    gl.uniform1f(u.u_pixelRatio!, params.pixelRatio);
    gl.uniform1f(u.u_feather!, params.antiAliasingFeather);
    gl.uniform1f(u.u_minEdgeThickness!, params.minEdgeThickness);
  }
}
