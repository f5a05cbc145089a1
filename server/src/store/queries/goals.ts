import { defineQuery } from './define';

export type GoalRow = {
  id: string;
  districtCode: string;
  year: number;
  projects: number;
  agreementCny: number;
  outputCny: number | null;
  source: string | null;
};

export const goalsOfDistricts = defineQuery<[readonly string[]], GoalRow>('goalsOfDistricts', (codes) => ({
  cypher: `MATCH (g:Goal)-[:GOAL_OF]->(d:District) WHERE d.code IN $codes
    RETURN g.id AS id, d.code AS districtCode, g.year AS year, g.projects AS projects,
      g.agreementCny AS agreementCny, g.outputCny AS outputCny, g.source AS source
    ORDER BY districtCode, year`,
  params: { codes: [...codes] },
}));

export const upsertGoal = defineQuery<[GoalRow], { id: string }>('upsertGoal', (g) => ({
  cypher: `MATCH (d:District {code: $districtCode})
    MERGE (g:Goal {id: $id})
    SET g.year = $year, g.projects = $projects, g.agreementCny = $agreementCny, g.outputCny = $outputCny,
      g.source = $source
    MERGE (g)-[:GOAL_OF]->(d)
    RETURN g.id AS id`,
  params: { ...g },
}));
