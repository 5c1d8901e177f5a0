// The 20 activities of the synthetic log that generateLog.ts writes, and how the metrics benches
// map them onto a journey of 8 steps: two or three each, in order; the last step ends the journey.

export const GENERATED_ACTIVITIES = [
  'Klant bezoekt website', 'Klant zoekt in FAQ', 'Chat gestart', 'Chat beëindigd', 'Klant belt contactcentrum',
  'Wachtrij', 'Gesprek met agent', 'Doorverbonden tweede lijn', 'Ticket aangemaakt', 'Ticket toegewezen',
  'Monteur ingepland', 'Monteur ter plaatse', 'Storing opgelost', 'E-mail verstuurd', 'Klant reageert op e-mail',
  'Factuur verstuurd', 'Betaling ontvangen', 'Enquête verstuurd', 'Enquête ingevuld', 'Ticket gesloten',
];

export const BENCH_STEPS = 8;

/** The step (0 … 7) an activity of GENERATED_ACTIVITIES, by its position, is mapped onto. */
export const stepOfGeneratedActivity = (activity: number): number => Math.floor(activity / 2.5);

/** The activities mapped onto one step. */
export const activitiesOfStep = (step: number): string[] => GENERATED_ACTIVITIES.filter((_, activity) => stepOfGeneratedActivity(activity) === step);
