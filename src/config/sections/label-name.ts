import { z } from 'zod';

/** GitHub rejects label names longer than 50 characters. */
export const maxLabelLength = 50;

/** A GitHub label name. */
export const labelName = z.string().trim().min(1).max(maxLabelLength);

/** An outcome label that may be switched off with `null`. */
export const optionalLabelName = labelName.nullable();
