-- The training version (decision 069): row 2 of "CouncilVersion", bumped at commit exactly as the council's version
-- (row 1, decision 067) by every committed transaction that changed what the council's training figures and the
-- training effect count: the year's on-demand enrolments and curriculum, completed modules, sessions, their days,
-- seats and attendance, certificates, the sharing meetings and their registrations, and the office a person works
-- at. A module's progress moves it only when the module is completed (or the row comes or goes), and a person's row
-- only when they change office: reading a section or signing in changes no figure.
CREATE FUNCTION "training_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CouncilVersion" AS v (id, version, txid) VALUES (2, 1, pg_current_xact_id()::text)
  ON CONFLICT (id) DO UPDATE SET version = v.version + 1, txid = EXCLUDED.txid WHERE v.txid <> EXCLUDED.txid;
  RETURN NULL;
END $$;

INSERT INTO "CouncilVersion" (id, version, txid) VALUES (2, 1, pg_current_xact_id()::text) ON CONFLICT (id) DO NOTHING;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['TrainingEnrollment', 'CurriculumModule', 'TrainingSession', 'SessionDay', 'SessionEnrollment',
                           'SessionAttendance', 'Certificate', 'SharingMeeting', 'MeetingRegistration'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED '
                   'FOR EACH ROW EXECUTE FUNCTION "training_version_bump"()', 'training_version_' || t, t);
  END LOOP;
  -- The checklist's versions join the council's version: the dashboard's categories and weak items' wording, and the
  -- training effect's categories, are cached under it.
  FOREACH t IN ARRAY ARRAY['ChecklistTemplate', 'ChecklistCategory', 'ChecklistItem'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED '
                   'FOR EACH ROW EXECUTE FUNCTION "council_version_bump"()', 'council_version_' || t, t);
  END LOOP;
END $$;

CREATE CONSTRAINT TRIGGER "training_version_ModuleProgress" AFTER INSERT OR DELETE OR UPDATE OF "completedAt", "userId", slug
  ON "ModuleProgress" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "training_version_bump"();
CREATE CONSTRAINT TRIGGER "training_version_User" AFTER INSERT OR DELETE OR UPDATE OF "officeId"
  ON "User" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "training_version_bump"();
