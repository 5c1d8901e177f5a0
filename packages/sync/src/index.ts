export * from './protocol.ts';
export * from './documentShape.ts';
export * from './textDiff.ts';
export * from './recordBinding.ts';
export * from './journeyBinding.ts';
export * from './journeyMutations.ts';
export * from './schemaUpgrade.ts';
