import { defineRendererModule } from '../define.ts';
import { DiagnosisCodesPanel } from './DiagnosisCodesPanel.tsx';

export const diagnosisCodeScreens = defineRendererModule({
  name: 'diagnosis-codes',
  navigation: [{ section: 'administration', tab: 'icd10', label: 'Diagnosis codes', roles: ['ADMIN'], Screen: DiagnosisCodesPanel }],
});
