interface LabelsView {
  queue: { label: string };
  labels: {
    queued: string | null;
    merged: string | null;
    blocked: string | null;
    failed: Record<string, string | null>;
  };
}

/**
 * Outcome labels equal to the queue label, which would put a failed PR straight back in
 * the queue. GitHub compares label names ignoring case, and so does this.
 */
export function findLabelClashes(config: LabelsView): Array<{ label: string; path: string[] }> {
  const queueLabel = config.queue.label.toLowerCase();
  const { failed, ...single } = config.labels;
  const candidates: Array<[string[], string | null]> = [
    ...Object.entries(single).map(([key, label]): [string[], string | null] => [
      ['labels', key],
      label,
    ]),
    ...Object.entries(failed).map(([key, label]): [string[], string | null] => [
      ['labels', 'failed', key],
      label,
    ]),
  ];
  return candidates
    .filter(([, label]) => label !== null && label.toLowerCase() === queueLabel)
    .map(([path, label]) => ({ label: label ?? '', path }));
}
