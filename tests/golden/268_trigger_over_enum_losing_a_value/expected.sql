-- hazard: DELETES_DATA removes value 'away' from enum "mood": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'away' to enum "mood" breaks
-- hazard: TABLE_REWRITE rewrites table "members" to convert column "members"."mood" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes

DROP TRIGGER "members_mood" ON "public"."members";
--> statement-breakpoint
ALTER TYPE "public"."mood" RENAME TO "mood__previous";
--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM ('active');
--> statement-breakpoint
ALTER TABLE "public"."members" ALTER COLUMN "mood" SET DATA TYPE "public"."mood" USING "mood"::text::"public"."mood";
--> statement-breakpoint
DROP TYPE "public"."mood__previous";
--> statement-breakpoint
CREATE TRIGGER "members_mood" BEFORE UPDATE OF "mood" ON "public"."members" FOR EACH ROW EXECUTE FUNCTION "public"."noop"();
