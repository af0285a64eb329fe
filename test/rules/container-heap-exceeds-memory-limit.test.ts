import rule from '../../server/src/rules/resources/container-heap-exceeds-memory-limit';
import { deployment } from '../support/manifests';
import { runRuleTests } from '../support/rule-tester';

runRuleTests(rule, {
  valid: [
    deployment(`
      - name: app
        args: ["--max-old-space-size=700"]
        env:
          - name: JAVA_TOOL_OPTIONS
            value: -Xmx700m -XX:MaxRAMPercentage=75
        resources:
          limits:
            memory: 1Gi
    `),
    { name: 'no memory limit: nothing to compare with', code: deployment(`
      - name: app
        command: ["java", "-Xmx4g", "-jar", "app.jar"]
    `) },
  ],
  invalid: [
    {
      name: 'JVM flags in command and env; Node flag in NODE_OPTIONS',
      code: deployment(`
        - name: app
          command: ["java", "-Xmx1g", "-jar", "app.jar"]
          env:
            - name: NODE_OPTIONS
              value: "--max-old-space-size=1000"
            - name: JAVA_OPTS
              value: -XX:MaxRAMPercentage=95.0 -XX:MaxRAM=2g
          resources:
            limits:
              memory: 1Gi
      `),
      errors: [
        { messageId: 'tooLarge', text: '-Xmx1g', data: { flag: '-Xmx1g', heap: '100%', limit: '1Gi', container: 'app' },
          suggestions: [{ title: 'Set the heap to 75% of the limit (-Xmx768m)', output: deployment(`
            - name: app
              command: ["java", "-Xmx768m", "-jar", "app.jar"]
              env:
                - name: NODE_OPTIONS
                  value: "--max-old-space-size=1000"
                - name: JAVA_OPTS
                  value: -XX:MaxRAMPercentage=95.0 -XX:MaxRAM=2g
              resources:
                limits:
                  memory: 1Gi
          `) }] },
        { messageId: 'tooLarge', text: '--max-old-space-size=1000', data: { flag: '--max-old-space-size=1000', heap: '98%', limit: '1Gi', container: 'app' },
          suggestions: [{ title: 'Set the heap to 75% of the limit (--max-old-space-size=768)', output: deployment(`
            - name: app
              command: ["java", "-Xmx1g", "-jar", "app.jar"]
              env:
                - name: NODE_OPTIONS
                  value: "--max-old-space-size=768"
                - name: JAVA_OPTS
                  value: -XX:MaxRAMPercentage=95.0 -XX:MaxRAM=2g
              resources:
                limits:
                  memory: 1Gi
          `) }] },
        { messageId: 'tooLarge', text: '-XX:MaxRAMPercentage=95.0',
          suggestions: [{ title: 'Set the heap to 75% of the limit (-XX:MaxRAMPercentage=75)', output: deployment(`
            - name: app
              command: ["java", "-Xmx1g", "-jar", "app.jar"]
              env:
                - name: NODE_OPTIONS
                  value: "--max-old-space-size=1000"
                - name: JAVA_OPTS
                  value: -XX:MaxRAMPercentage=75 -XX:MaxRAM=2g
              resources:
                limits:
                  memory: 1Gi
          `) }] },
        { messageId: 'tooLarge', text: '-XX:MaxRAM=2g',
          suggestions: [{ title: 'Set the heap to 75% of the limit (-XX:MaxRAM=768m)', output: deployment(`
            - name: app
              command: ["java", "-Xmx1g", "-jar", "app.jar"]
              env:
                - name: NODE_OPTIONS
                  value: "--max-old-space-size=1000"
                - name: JAVA_OPTS
                  value: -XX:MaxRAMPercentage=95.0 -XX:MaxRAM=768m
              resources:
                limits:
                  memory: 1Gi
          `) }] },
      ],
    },
  ],
});
