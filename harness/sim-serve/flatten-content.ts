import { z } from 'zod';

/** Message content as the chat formats send it: a string, or a list of typed parts. */
export const ContentSchema = z.union([z.string(), z.array(z.object({ type: z.string().optional(), text: z.string().optional() }))]);

/** The text of message content; non-text parts say nothing to a simulated model. */
export function flattenContent(content: z.infer<typeof ContentSchema>): string {
  return typeof content === 'string' ? content : content.map((part) => part.text ?? '').join('');
}

/** A short description of what zod found wrong, for 400 messages. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid request body';
  const path = issue.path.join('.');
  return `${path === '' ? 'body' : path}: ${issue.message}`;
}
