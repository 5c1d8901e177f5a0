import type { ReactNode } from 'react';
import { baseline, type Shape } from '@klantreis/render/layout';

/**
 * One shape of the layout model as an SVG element, as the SVG export writes it; a shape's part
 * ("designed-line") as data-part, for the editor's tests and overlay to find it.
 */
export function shapeElement(shape: Shape, key: number): ReactNode {
  const part = shape.part ? { 'data-part': shape.part } : {};
  const stroke = 'stroke' in shape && shape.stroke ? { stroke: shape.stroke, strokeWidth: shape.strokeWidth ?? 1, strokeDasharray: shape.dash?.join(' ') } : {};
  switch (shape.kind) {
    case 'rect':
      return <rect key={key} {...part} x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.radius} fill={shape.fill ?? 'none'} {...stroke} />;
    case 'line':
      return <line key={key} {...part} x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} {...stroke} />;
    case 'path':
      return <path key={key} {...part} d={shape.d} fill={shape.fill ?? 'none'} {...stroke} />;
    case 'circle':
      return <circle key={key} {...part} cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill ?? 'none'} {...stroke} />;
    case 'text':
      return (
        <text key={key} {...part} fontSize={shape.size} fill={shape.color} fontWeight={shape.weight === 'bold' ? 700 : 400} fontStyle={shape.italic ? 'italic' : undefined} textAnchor={shape.anchor}>
          {shape.lines.map((line, i) => (
            <tspan key={i} x={shape.x} y={baseline(shape, i)}>
              {line}
            </tspan>
          ))}
        </text>
      );
  }
}
