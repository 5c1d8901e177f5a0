import { z } from 'zod';
import { VERSION_KINDS } from '@klantreis/db';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '@klantreis/schema';

const personName = z.string().trim().min(1).max(MAX_TITLE_LENGTH);

export const versionParams = z.object({ id: z.string().min(1).max(64), versionId: z.string().min(1).max(64) });
export const requestParams = z.object({ id: z.string().min(1).max(64), requestId: z.string().min(1).max(64) });

export const versionInfo = z.object({
  id: z.string(),
  journeyId: z.string(),
  name: z.string(),
  kind: z.enum(VERSION_KINDS),
  author: z.string(),
  createdAt: z.number(),
});

export const createVersionBody = z.object({ name: z.string().trim().min(1).max(MAX_TITLE_LENGTH), author: z.string().max(MAX_TITLE_LENGTH).default('') });
export const restoreBody = z.object({ author: z.string().max(MAX_TITLE_LENGTH).default('') }).default({ author: '' });

/** `current` stands for the journey as it is now. */
export const compareQuery = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64).default('current') });

export const approvalRequestBody = z.object({
  versionId: z.string().min(1).max(64),
  /** Ignored: the round is asked by the signed-in account (kept so older scripts still validate). */
  requestedBy: personName.optional(),
  /** People with a role on the journey, by e-mail address (or by name when only one has it). */
  approvers: z.array(personName).min(1).max(50),
  message: z.string().max(MAX_TEXT_LENGTH).default(''),
});

export const decisionBody = z
  .object({ approver: personName.optional(), decision: z.enum(['approved', 'changes-requested']), comment: z.string().max(MAX_TEXT_LENGTH).default('') })
  .refine((d) => d.decision === 'approved' || d.comment.trim() !== '', { message: 'say which changes are needed', path: ['comment'] });
