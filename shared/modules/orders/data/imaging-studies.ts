import type { CatalogueTest } from '../catalogue-types.ts';
import { study } from './builders.ts';

// Common outpatient imaging. LOINC radiology codes are given where the study has a well-known
// one (the LOINC/RSNA playbook); the others are left null rather than guessed.
export const imagingStudies: readonly CatalogueTest[] = [
  study('XR-CHEST-2V', 'Chest X-ray, PA and lateral', '36643-5', 30_00),
  study('XR-CHEST-1V', 'Chest X-ray, single view', '36554-4', 20_00),
  study('XR-ABD', 'Abdominal X-ray', null, 25_00),
  study('XR-LSPINE', 'Lumbar spine X-ray', null, 35_00),
  study('XR-CSPINE', 'Cervical spine X-ray', null, 35_00),
  study('XR-KNEE', 'Knee X-ray', null, 25_00),
  study('XR-HAND', 'Hand X-ray', null, 20_00),
  study('XR-SINUS', 'Paranasal sinus X-ray', null, 25_00),
  study('US-ABD', 'Ultrasound, abdomen', '24558-9', 60_00),
  study('US-PELVIS', 'Ultrasound, pelvis', null, 60_00),
  study('US-OB', 'Ultrasound, obstetric', null, 70_00),
  study('US-THYROID', 'Ultrasound, thyroid', null, 55_00),
  study('MG-SCREEN', 'Mammogram, screening, both breasts', '24606-6', 80_00),
  study('CT-HEAD', 'CT head without contrast', '30799-1', 150_00),
  study('CT-CHEST', 'CT chest', '24627-2', 180_00),
  study('ECHO', 'Echocardiogram, transthoracic', null, 120_00),
];
