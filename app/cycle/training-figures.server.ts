// Training figures for the dashboard and the annual report. The training and scheduling capability
// (issues 3 and 4) is not on this branch yet: until it provides `trainingFunnel(fy)`, every figure is
// null and the pages show "—" with a note — never an invented number. Wire it in here, in one place.

export interface TrainingFigures {
  available: boolean;
  tracks: { key: "basicFirst" | "basicSecond" | "practical"; participants: number | null; completed: number | null }[];
  sessionsHeld: number | null;
}

export async function trainingFigures(_fiscalYear: number): Promise<TrainingFigures> {
  return {
    available: false,
    tracks: [
      { key: "basicFirst", participants: null, completed: null },
      { key: "basicSecond", participants: null, completed: null },
      { key: "practical", participants: null, completed: null },
    ],
    sessionsHeld: null,
  };
}
