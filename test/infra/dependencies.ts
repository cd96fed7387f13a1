/**
 * The dependency graph CloudFormation builds from a template: an edge from a resource to every
 * resource it names with Ref, Fn::GetAtt, Fn::Sub or DependsOn. CloudFormation refuses a template
 * whose graph has a cycle ("Circular dependency between resources"), so these tests find cycles
 * before a deployment does.
 */
import type { Template } from 'aws-cdk-lib/assertions';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

interface TemplateJson {
  Resources: Record<string, { Properties?: Json; DependsOn?: string | string[] }>;
}

function referencesIn(value: Json | undefined, resources: Set<string>, found: Set<string>): void {
  if (value === null || value === undefined || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, resources, found);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string' && resources.has(inner)) found.add(inner);
    if (key === 'Fn::GetAtt') {
      const target = Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined;
      if (typeof target === 'string' && resources.has(target)) found.add(target);
    }
    if (key === 'Fn::Sub') {
      const text = Array.isArray(inner) ? inner[0] : inner;
      if (typeof text === 'string') {
        for (const [, name = ''] of text.matchAll(/\$\{([^}!.]+)/g)) if (resources.has(name)) found.add(name);
      }
    }
    referencesIn(inner, resources, found);
  }
}

/** Each resource's logical id and the logical ids it depends on. */
export function dependencyGraph(from: Template): Map<string, Set<string>> {
  const template = from.toJSON() as TemplateJson;
  const resources = new Set(Object.keys(template.Resources));
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    const found = new Set<string>();
    referencesIn(resource.Properties, resources, found);
    for (const dependency of [resource.DependsOn ?? []].flat()) found.add(dependency);
    graph.set(id, found);
  }
  return graph;
}

/** A cycle in the graph as a list of logical ids, or undefined when there is none. */
export function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Whether `from` depends on `to`, directly or through others. */
export function dependsOn(graph: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of graph.get(id) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}
