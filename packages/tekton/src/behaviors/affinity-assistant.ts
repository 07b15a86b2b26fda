import { createHash } from 'node:crypto';
import type { ReferenceFlags } from './flags';
import type { PodAffinityTerm, TaskRun, WorkspaceBinding } from './types';

export const PIPELINE_RUN_LABEL = 'tekton.dev/pipelineRun';

/** Tekton's naming: `affinity-assistant-` and ten hex digits of sha256(workspace name + PipelineRun name). */
export function affinityAssistantName(workspaceName: string, pipelineRunName: string): string {
  return `affinity-assistant-${createHash('sha256').update(workspaceName + pipelineRunName).digest('hex').slice(0, 10)}`;
}

const isPvcBacked = (binding: WorkspaceBinding): boolean => binding.persistentVolumeClaim !== undefined || binding.volumeClaimTemplate !== undefined;

/**
 * `coschedule` — which Affinity Assistant a TaskRun's pod is scheduled beside (Tekton's
 * affinityassistants.md). Only TaskRuns of a PipelineRun have one.
 * - `workspaces` (default): one assistant per PVC-backed workspace of a PipelineRun, so TaskRuns
 *   sharing the PVC share a node; a TaskRun binding no PVC has none;
 * - `pipelineruns` (alpha): one assistant per PipelineRun: all its TaskRuns share a node;
 * - `isolate-pipelinerun` (alpha): as `pipelineruns`; the isolation from other PipelineRuns is an
 *   anti-affinity on the assistant itself, so the TaskRun's pod is the same;
 * - `disabled`: no assistant.
 */
export function affinityAssistantFor(taskRun: TaskRun, flags: ReferenceFlags): string | undefined {
  const pipelineRun = taskRun.metadata.labels?.[PIPELINE_RUN_LABEL];
  if (!pipelineRun) return undefined;
  switch (flags.get('coschedule')) {
    case 'workspaces': {
      const shared = taskRun.spec.workspaces?.find(isPvcBacked);
      return shared ? affinityAssistantName(shared.name, pipelineRun) : undefined;
    }
    case 'pipelineruns':
    case 'isolate-pipelinerun':
      return affinityAssistantName('', pipelineRun);
    case 'disabled':
      return undefined;
  }
}

/** The pod affinity that puts a pod on the node of the named assistant. */
export function affinityTo(assistant: string): PodAffinityTerm {
  return {
    labelSelector: { matchLabels: { 'app.kubernetes.io/component': 'affinity-assistant', 'app.kubernetes.io/instance': assistant } },
    topologyKey: 'kubernetes.io/hostname',
  };
}
