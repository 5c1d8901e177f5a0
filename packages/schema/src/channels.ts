/** The channels a touchpoint can use; anything else is entered as `custom` with its own name. */
export const CHANNELS = [
  'phone',
  'web',
  'app',
  'store',
  'email',
  'chat',
  'technician-visit',
  'letter',
  'self-service-portal',
  'social-media',
  'custom',
] as const;
export type Channel = (typeof CHANNELS)[number];
