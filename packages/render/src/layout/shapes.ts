import type { FontWeight } from './textWrap.ts';

/**
 * The display list a map is drawn from: positioned rectangles, lines, paths, circles and text
 * in px, the top-left corner at (0, 0). Every renderer (SVG, PNG through the SVG, PDF) draws
 * this list as it is, so they cannot disagree about where anything sits.
 */
export type Shape = RectShape | LineShape | PathShape | CircleShape | TextShape;

/**
 * What a shape draws, for a renderer that finds its parts again ("designed-line",
 * "measured-point"): the web app writes it as `data-part`; the exports ignore it.
 */
interface Part {
  part?: string;
}

interface Stroke extends Part {
  stroke?: string;
  strokeWidth?: number;
  /** Dash and gap lengths, as SVG's stroke-dasharray. */
  dash?: number[];
}

export interface RectShape extends Stroke {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  radius?: number;
}

export interface LineShape extends Stroke {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PathShape extends Stroke {
  kind: 'path';
  /** SVG path data (M, L, C, Z only). */
  d: string;
  fill?: string;
}

export interface CircleShape extends Stroke {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: string;
}

export interface TextShape extends Part {
  kind: 'text';
  /** The anchor point's x; y is the top of the first line. */
  x: number;
  y: number;
  lines: string[];
  size: number;
  weight: FontWeight;
  color: string;
  /** Distance between baselines, in px. */
  lineHeight: number;
  anchor: 'start' | 'middle' | 'end';
  italic?: boolean;
}

/** The baseline of line `i` of a text shape: Inter's ascent is 0.969 em. */
export function baseline(text: TextShape, i: number): number {
  return text.y + (text.lineHeight - text.size) / 2 + text.size * 0.969 + i * text.lineHeight;
}

/** A part of the map a renderer may want to find again: a step's column, a phase's band. */
export interface LayoutRegion {
  kind: 'phase' | 'step' | 'lane' | 'curve' | 'title';
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  shapes: Shape[];
  regions: LayoutRegion[];
  /** Every text the map shows, for a screen reader's description and search. */
  title: string;
}
