/** One entry of a person's inbox, as the API answers it. */
export interface Notification {
  id: string;
  journeyId: string;
  journeyTitle: string;
  kind: 'mention' | 'approval-request';
  actorName: string;
  recordId: string | null;
  excerpt: string;
  createdAt: number;
  read: boolean;
}
