// The peak-end markers are drawn by the layout model now (layoutCurve in @klantreis/render);
// the type stays here for the map, which passes the steps through.
export type { PeakEndSteps } from './EmotionCurve.tsx';
