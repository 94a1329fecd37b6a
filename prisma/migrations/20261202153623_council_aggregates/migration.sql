-- DropIndex
DROP INDEX "Evaluation_fiscalYear_status_idx";

-- CreateTable
CREATE TABLE "EvaluationCategoryScore" (
    "evaluationId" INTEGER NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "ratedCount" INTEGER NOT NULL,
    "ratingSum" INTEGER NOT NULL,

    CONSTRAINT "EvaluationCategoryScore_pkey" PRIMARY KEY ("evaluationId","categoryCode")
);

-- CreateTable
CREATE TABLE "CouncilItemCount" (
    "fiscalYear" INTEGER NOT NULL,
    "wardId" INTEGER NOT NULL,
    "itemCode" TEXT NOT NULL,
    "rated1" INTEGER NOT NULL DEFAULT 0,
    "rated2" INTEGER NOT NULL DEFAULT 0,
    "rated3" INTEGER NOT NULL DEFAULT 0,
    "rated4" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CouncilItemCount_pkey" PRIMARY KEY ("fiscalYear","wardId","itemCode")
);

-- CreateIndex
CREATE INDEX "ModuleProgress_completedAt_idx" ON "ModuleProgress"("completedAt");

-- CreateIndex
CREATE INDEX "Evaluation_fiscalYear_status_updatedAt_idx" ON "Evaluation"("fiscalYear", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Evaluation_status_updatedAt_idx" ON "Evaluation"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "EvaluationCategoryScore" ADD CONSTRAINT "EvaluationCategoryScore_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The council's aggregates (decision 063), kept by triggers in the transaction of every write that changes them:
-- the answers (statement-level, with transition tables: one set-based change per statement, so a bulk import or the
-- large data set's generator pays once per statement, not per row), a sheet's status, year, office or template, and
-- an office's ward.

CREATE FUNCTION "council_answers_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT "evaluationId", "itemCode", rating, "notApplicable", 1 AS sign FROM new_answers)
  INSERT INTO "EvaluationCategoryScore" AS s ("evaluationId", "categoryCode", "ratedCount", "ratingSum")
  SELECT d."evaluationId", c.code, SUM(d.sign)::int, SUM(d.sign * d.rating)::int
  FROM d
  JOIN "Evaluation" e ON e.id = d."evaluationId"
  JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = d."itemCode"
  JOIN "ChecklistCategory" c ON c.id = i."categoryId"
  WHERE d.rating IS NOT NULL AND NOT d."notApplicable"
  GROUP BY d."evaluationId", c.code
  ORDER BY 1, 2
  ON CONFLICT ("evaluationId", "categoryCode") DO UPDATE
    SET "ratedCount" = s."ratedCount" + EXCLUDED."ratedCount", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum";

  WITH d AS (SELECT "evaluationId", "itemCode", rating, "notApplicable", 1 AS sign FROM new_answers)
  INSERT INTO "CouncilItemCount" AS t ("fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4)
  SELECT e."fiscalYear", o."wardId", d."itemCode",
         COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 1), 0)::int, COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 2), 0)::int,
         COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 3), 0)::int, COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 4), 0)::int
  FROM d
  JOIN "Evaluation" e ON e.id = d."evaluationId" AND e.status = 'SUBMITTED'
  JOIN "Office" o ON o.id = e."officeId"
  WHERE d.rating BETWEEN 1 AND 4 AND NOT d."notApplicable"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("fiscalYear", "wardId", "itemCode") DO UPDATE
    SET rated1 = t.rated1 + EXCLUDED.rated1, rated2 = t.rated2 + EXCLUDED.rated2,
        rated3 = t.rated3 + EXCLUDED.rated3, rated4 = t.rated4 + EXCLUDED.rated4;
  RETURN NULL;
END $$;

CREATE FUNCTION "council_answers_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT "evaluationId", "itemCode", rating, "notApplicable", 1 AS sign FROM new_answers UNION ALL SELECT "evaluationId", "itemCode", rating, "notApplicable", -1 AS sign FROM old_answers)
  INSERT INTO "EvaluationCategoryScore" AS s ("evaluationId", "categoryCode", "ratedCount", "ratingSum")
  SELECT d."evaluationId", c.code, SUM(d.sign)::int, SUM(d.sign * d.rating)::int
  FROM d
  JOIN "Evaluation" e ON e.id = d."evaluationId"
  JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = d."itemCode"
  JOIN "ChecklistCategory" c ON c.id = i."categoryId"
  WHERE d.rating IS NOT NULL AND NOT d."notApplicable"
  GROUP BY d."evaluationId", c.code
  ORDER BY 1, 2
  ON CONFLICT ("evaluationId", "categoryCode") DO UPDATE
    SET "ratedCount" = s."ratedCount" + EXCLUDED."ratedCount", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum";

  WITH d AS (SELECT "evaluationId", "itemCode", rating, "notApplicable", 1 AS sign FROM new_answers UNION ALL SELECT "evaluationId", "itemCode", rating, "notApplicable", -1 AS sign FROM old_answers)
  INSERT INTO "CouncilItemCount" AS t ("fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4)
  SELECT e."fiscalYear", o."wardId", d."itemCode",
         COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 1), 0)::int, COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 2), 0)::int,
         COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 3), 0)::int, COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 4), 0)::int
  FROM d
  JOIN "Evaluation" e ON e.id = d."evaluationId" AND e.status = 'SUBMITTED'
  JOIN "Office" o ON o.id = e."officeId"
  WHERE d.rating BETWEEN 1 AND 4 AND NOT d."notApplicable"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("fiscalYear", "wardId", "itemCode") DO UPDATE
    SET rated1 = t.rated1 + EXCLUDED.rated1, rated2 = t.rated2 + EXCLUDED.rated2,
        rated3 = t.rated3 + EXCLUDED.rated3, rated4 = t.rated4 + EXCLUDED.rated4;
  RETURN NULL;
END $$;

CREATE FUNCTION "council_answers_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT "evaluationId", "itemCode", rating, "notApplicable", -1 AS sign FROM old_answers)
  INSERT INTO "EvaluationCategoryScore" AS s ("evaluationId", "categoryCode", "ratedCount", "ratingSum")
  SELECT d."evaluationId", c.code, SUM(d.sign)::int, SUM(d.sign * d.rating)::int
  FROM d
  JOIN "Evaluation" e ON e.id = d."evaluationId"
  JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = d."itemCode"
  JOIN "ChecklistCategory" c ON c.id = i."categoryId"
  WHERE d.rating IS NOT NULL AND NOT d."notApplicable"
  GROUP BY d."evaluationId", c.code
  ORDER BY 1, 2
  ON CONFLICT ("evaluationId", "categoryCode") DO UPDATE
    SET "ratedCount" = s."ratedCount" + EXCLUDED."ratedCount", "ratingSum" = s."ratingSum" + EXCLUDED."ratingSum";

  WITH d AS (SELECT "evaluationId", "itemCode", rating, "notApplicable", -1 AS sign FROM old_answers)
  INSERT INTO "CouncilItemCount" AS t ("fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4)
  SELECT e."fiscalYear", o."wardId", d."itemCode",
         COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 1), 0)::int, COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 2), 0)::int,
         COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 3), 0)::int, COALESCE(SUM(d.sign) FILTER (WHERE d.rating = 4), 0)::int
  FROM d
  JOIN "Evaluation" e ON e.id = d."evaluationId" AND e.status = 'SUBMITTED'
  JOIN "Office" o ON o.id = e."officeId"
  WHERE d.rating BETWEEN 1 AND 4 AND NOT d."notApplicable"
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT ("fiscalYear", "wardId", "itemCode") DO UPDATE
    SET rated1 = t.rated1 + EXCLUDED.rated1, rated2 = t.rated2 + EXCLUDED.rated2,
        rated3 = t.rated3 + EXCLUDED.rated3, rated4 = t.rated4 + EXCLUDED.rated4;
  RETURN NULL;
END $$;

CREATE TRIGGER "council_answers_inserted" AFTER INSERT ON "EvaluationAnswer"
  REFERENCING NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION "council_answers_inserted"();
CREATE TRIGGER "council_answers_updated" AFTER UPDATE ON "EvaluationAnswer"
  REFERENCING OLD TABLE AS old_answers NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION "council_answers_updated"();
CREATE TRIGGER "council_answers_deleted" AFTER DELETE ON "EvaluationAnswer"
  REFERENCING OLD TABLE AS old_answers FOR EACH STATEMENT EXECUTE FUNCTION "council_answers_deleted"();

-- Adds (sign 1) or takes away (sign -1) one sheet's answers in the item counts of a year and ward.
CREATE FUNCTION "council_item_counts_add"(evaluation_id int, fiscal_year int, ward_id int, delta int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CouncilItemCount" AS t ("fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4)
  SELECT fiscal_year, ward_id, a."itemCode",
         CASE WHEN a.rating = 1 THEN delta ELSE 0 END, CASE WHEN a.rating = 2 THEN delta ELSE 0 END,
         CASE WHEN a.rating = 3 THEN delta ELSE 0 END, CASE WHEN a.rating = 4 THEN delta ELSE 0 END
  FROM "EvaluationAnswer" a
  WHERE a."evaluationId" = evaluation_id AND a.rating BETWEEN 1 AND 4 AND NOT a."notApplicable"
  ORDER BY a."itemCode"
  ON CONFLICT ("fiscalYear", "wardId", "itemCode") DO UPDATE
    SET rated1 = t.rated1 + EXCLUDED.rated1, rated2 = t.rated2 + EXCLUDED.rated2,
        rated3 = t.rated3 + EXCLUDED.rated3, rated4 = t.rated4 + EXCLUDED.rated4;
$$;

-- One sheet's category scores recomputed from its answers (after its template changed).
CREATE FUNCTION "council_category_scores_rebuild"(evaluation_id int) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "EvaluationCategoryScore" WHERE "evaluationId" = evaluation_id;
  INSERT INTO "EvaluationCategoryScore" ("evaluationId", "categoryCode", "ratedCount", "ratingSum")
  SELECT e.id, c.code, COUNT(*)::int, SUM(a.rating)::int
  FROM "Evaluation" e
  JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
  JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = a."itemCode"
  JOIN "ChecklistCategory" c ON c.id = i."categoryId"
  WHERE e.id = evaluation_id AND a.rating IS NOT NULL AND NOT a."notApplicable"
  GROUP BY e.id, c.code;
$$;

CREATE FUNCTION "council_evaluation_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean := NEW."fiscalYear" <> OLD."fiscalYear" OR NEW."officeId" <> OLD."officeId";
BEGIN
  IF NEW."templateId" <> OLD."templateId" THEN
    PERFORM "council_category_scores_rebuild"(NEW.id);
  END IF;
  IF OLD.status = 'SUBMITTED' AND (NEW.status <> 'SUBMITTED' OR moved) THEN
    PERFORM "council_item_counts_add"(OLD.id, OLD."fiscalYear", (SELECT "wardId" FROM "Office" WHERE id = OLD."officeId"), -1);
  END IF;
  IF NEW.status = 'SUBMITTED' AND (OLD.status <> 'SUBMITTED' OR moved) THEN
    PERFORM "council_item_counts_add"(NEW.id, NEW."fiscalYear", (SELECT "wardId" FROM "Office" WHERE id = NEW."officeId"), 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "council_evaluation_changed" AFTER UPDATE OF status, "fiscalYear", "officeId", "templateId" ON "Evaluation"
  FOR EACH ROW EXECUTE FUNCTION "council_evaluation_changed"();

-- Before the sheet goes (its answers go with it by cascade, when the sheet is no longer there to count them).
CREATE FUNCTION "council_evaluation_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'SUBMITTED' THEN
    PERFORM "council_item_counts_add"(OLD.id, OLD."fiscalYear", (SELECT "wardId" FROM "Office" WHERE id = OLD."officeId"), -1);
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "council_evaluation_deleted" BEFORE DELETE ON "Evaluation"
  FOR EACH ROW EXECUTE FUNCTION "council_evaluation_deleted"();

CREATE FUNCTION "council_office_ward_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  e record;
BEGIN
  IF NEW."wardId" <> OLD."wardId" THEN
    FOR e IN SELECT id, "fiscalYear" FROM "Evaluation" WHERE "officeId" = NEW.id AND status = 'SUBMITTED' ORDER BY id LOOP
      PERFORM "council_item_counts_add"(e.id, e."fiscalYear", OLD."wardId", -1);
      PERFORM "council_item_counts_add"(e.id, e."fiscalYear", NEW."wardId", 1);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "council_office_ward_changed" AFTER UPDATE OF "wardId" ON "Office"
  FOR EACH ROW EXECUTE FUNCTION "council_office_ward_changed"();

-- What is there already.
INSERT INTO "EvaluationCategoryScore" ("evaluationId", "categoryCode", "ratedCount", "ratingSum")
SELECT e.id, c.code, COUNT(*)::int, SUM(a.rating)::int
FROM "Evaluation" e
JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
JOIN "ChecklistItem" i ON i."templateId" = e."templateId" AND i.code = a."itemCode"
JOIN "ChecklistCategory" c ON c.id = i."categoryId"
WHERE a.rating IS NOT NULL AND NOT a."notApplicable"
GROUP BY e.id, c.code;
INSERT INTO "CouncilItemCount" ("fiscalYear", "wardId", "itemCode", rated1, rated2, rated3, rated4)
SELECT e."fiscalYear", o."wardId", a."itemCode",
       COUNT(*) FILTER (WHERE a.rating = 1)::int, COUNT(*) FILTER (WHERE a.rating = 2)::int,
       COUNT(*) FILTER (WHERE a.rating = 3)::int, COUNT(*) FILTER (WHERE a.rating = 4)::int
FROM "Evaluation" e
JOIN "Office" o ON o.id = e."officeId"
JOIN "EvaluationAnswer" a ON a."evaluationId" = e.id
WHERE e.status = 'SUBMITTED' AND a.rating BETWEEN 1 AND 4 AND NOT a."notApplicable"
GROUP BY 1, 2, 3;
