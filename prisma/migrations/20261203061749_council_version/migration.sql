-- CreateTable
CREATE TABLE "CouncilVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "txid" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CouncilVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "User_updatedAt_idx" ON "User"("updatedAt");

-- CreateIndex
CREATE INDEX "TrainingSession_updatedAt_idx" ON "TrainingSession"("updatedAt");

-- The council's version (decision 067): one number, bumped once by every committed transaction that changed what the
-- council's views count, and the id of that transaction. The bump runs at commit (deferred constraint triggers), so
-- the transaction holds the row's lock only while it commits and never waits for another lock after taking it: no
-- deadlock. A reader sees the new number only once the data is committed, so a value computed after reading the
-- number is never older than the number says. TRUNCATE does not fire it (the app never truncates these tables; a
-- restore replaces the whole database with the server stopped); the row is upserted in case it was truncated, and the
-- transaction's id makes every stamp new even then.
CREATE FUNCTION "council_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CouncilVersion" AS v (id, version, txid) VALUES (1, 1, pg_current_xact_id()::text)
  ON CONFLICT (id) DO UPDATE SET version = v.version + 1, txid = EXCLUDED.txid WHERE v.txid <> EXCLUDED.txid;
  RETURN NULL;
END $$;

INSERT INTO "CouncilVersion" (id, version, txid) VALUES (1, 1, pg_current_xact_id()::text);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Evaluation', 'Office', 'Ward', 'ActionPlan', 'ActionPlanItem', 'PeerActivity', 'PeerGroup'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED '
                   'FOR EACH ROW EXECUTE FUNCTION "council_version_bump"()', 'council_version_' || t, t);
  END LOOP;
END $$;
