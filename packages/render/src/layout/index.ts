// The layout model without anything Node-only, for the web app: it measures text with the
// browser's canvas and draws the same shapes the exports draw.
export * from '../labels.ts';
export * from '../journeyView.ts';
export * from '../measuredFigures.ts';
export * from './shapes.ts';
export * from './textWrap.ts';
export * from './mapLayout.ts';
export * from './curveLayout.ts';
