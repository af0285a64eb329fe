/** Builders for test manifests, so each case shows only the lines that matter to it. */
import { dedent } from './yaml-tag';

/** A Deployment named `web` whose pod spec `containers` list is `containers` (written at column 0). */
export function deployment(containers: string, extraSpec = ''): string {
  const body = dedent(containers)
    .split('\n')
    .map((line) => (line === '' ? line : `        ${line}`))
    .join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${extraSpec}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
${body.endsWith('\n') ? body : `${body}\n`}`;
}
