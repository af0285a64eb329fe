/** Our explanations of container resource fields, shown on hover. */

export const RESOURCE_FIELD_DOCS: Record<string, string> = {
  resources:
    'Compute resources of this container. **Requests** are what the scheduler reserves on a node and what autoscalers measure utilisation against; **limits** are the ceiling enforced at run time (CPU is throttled, memory over the limit gets the container OOM-killed).',
  requests:
    'The amount the scheduler reserves for this container. A pod only lands on a node with this much unreserved capacity, and a HorizontalPodAutoscaler computes utilisation as usage divided by this request.',
  limits:
    'The most this container may use. Above its CPU limit the container is throttled; above its memory limit it is killed and restarted.',
  'requests.cpu':
    'The CPU the scheduler reserves for this container. When the node is busy, CPU time is shared in proportion to requests, so this is also the container\'s guaranteed share. HPA CPU utilisation is measured against it.',
  'limits.cpu':
    'The most CPU this container may use in each scheduling period; beyond it the container is throttled (it slows down rather than fails). Throttling shows up as latency, so set it with headroom or leave it out on purpose.',
  'requests.memory':
    'The memory the scheduler reserves for this container. Under node memory pressure, pods using more than they requested are evicted first.',
  'limits.memory':
    'The most memory this container may use. Going over it gets the container OOM-killed and restarted, so leave room above the application\'s peak (heap plus runtime overhead).',
  'requests.ephemeral-storage': 'Local disk (container writable layer, logs, emptyDir) reserved on the node for this container.',
  'limits.ephemeral-storage': 'The most local disk this container may use; going over it gets the pod evicted.',
};
