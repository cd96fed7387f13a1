/**
 * The schedule (tahapan) of a Pilkades wave. A new wave starts from a template that follows the
 * stages of Permendagri 112/2014 as amended (persiapan, pencalonan, pemungutan suara, penetapan),
 * each stage placed by its offset in days from voting day; a regency then sets its own dates
 * (its Perda/Perbup decides them), so nothing here is fixed. Pure.
 */
import type { FieldIssue } from '#shared/kernel/errors.ts';
import { missingStage, stageEndsBeforeStart, votingOutsideStage } from '../messages.ts';
import type { StageRecord } from '../records.ts';
import { addDays, daysBetween } from './calendar.ts';

/** Stages every schedule must have: the readiness rules and the chase list count on them. */
export const REQUIRED_STAGES = ['SOSIALISASI', 'DISTRIBUSI_LOGISTIK', 'PEMUNGUTAN_SUARA'] as const;

/** The template: code, name and first and last day as offsets from voting day. */
export const STAGE_TEMPLATE: ReadonlyArray<{ code: string; name: string; from: number; to: number }> = [
  { code: 'TAHAP_PERSIAPAN', name: 'Tahap persiapan', from: -120, to: -61 },
  { code: 'PEMBENTUKAN_PANITIA', name: 'Pembentukan panitia pemilihan', from: -120, to: -101 },
  { code: 'SOSIALISASI', name: 'Sosialisasi dan bimbingan teknis panitia', from: -90, to: -76 },
  { code: 'TAHAP_PENCALONAN', name: 'Tahap pencalonan', from: -60, to: -4 },
  { code: 'PENDAFTARAN_BAKAL_CALON', name: 'Pendaftaran bakal calon', from: -60, to: -46 },
  { code: 'PENETAPAN_CALON', name: 'Penetapan calon kepala desa', from: -30, to: -28 },
  { code: 'KAMPANYE', name: 'Kampanye', from: -20, to: -4 },
  { code: 'MASA_TENANG', name: 'Masa tenang', from: -3, to: -1 },
  { code: 'DISTRIBUSI_LOGISTIK', name: 'Distribusi logistik', from: -7, to: -1 },
  { code: 'TAHAP_PEMUNGUTAN', name: 'Tahap pemungutan suara', from: 0, to: 0 },
  { code: 'PEMUNGUTAN_SUARA', name: 'Pemungutan dan penghitungan suara', from: 0, to: 0 },
  { code: 'TAHAP_PENETAPAN', name: 'Tahap penetapan', from: 1, to: 30 },
  { code: 'PENETAPAN_CALON_TERPILIH', name: 'Penetapan calon terpilih', from: 1, to: 7 },
  { code: 'PELANTIKAN', name: 'Pengesahan dan pelantikan', from: 14, to: 30 },
];

/** The template's stages for a voting day. */
export function templateStages(votingDay: string): StageRecord[] {
  return STAGE_TEMPLATE.map((stage) => ({
    code: stage.code,
    name: stage.name,
    start: addDays(votingDay, stage.from),
    end: addDays(votingDay, stage.to),
  }));
}

/** The stages moved along with a voting day that moved (each keeps its distance to voting day). */
export function shiftStages(stages: readonly StageRecord[], from: string, to: string, days: number): StageRecord[] {
  if (from === to) return [...stages];
  return stages.map((stage) => ({ ...stage, start: addDays(stage.start, days), end: addDays(stage.end, days) }));
}

/**
 * What is wrong with a schedule, field by field: a stage that ends before it starts, a code used
 * twice, a required stage missing, voting day outside the voting stage.
 */
export function checkStages(stages: readonly StageRecord[], votingDay: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    if (stage.end < stage.start) issues.push({ field: `stages.${index}.end`, key: stageEndsBeforeStart });
    if (seen.has(stage.code)) issues.push({ field: `stages.${index}.code`, key: 'field.duplicate' });
    seen.add(stage.code);
  });
  for (const code of REQUIRED_STAGES) {
    if (!seen.has(code)) issues.push({ field: 'stages', key: missingStage, params: { code } });
  }
  const voting = stages.findIndex((stage) => stage.code === 'PEMUNGUTAN_SUARA');
  const stage = stages[voting];
  if (stage && (votingDay < stage.start || votingDay > stage.end)) {
    issues.push({ field: `stages.${voting}.start`, key: votingOutsideStage, params: { votingDay } });
  }
  return issues;
}

/** A stage by code (the required ones are always there once a schedule is accepted). */
export function stageOf(stages: readonly StageRecord[], code: string): StageRecord | undefined {
  return stages.find((stage) => stage.code === code);
}

/** How many days a stage lasts (both ends included). */
export function stageLength(stage: StageRecord): number {
  return daysBetween(stage.start, stage.end) + 1;
}
