-- hazard: DELETES_DATA drops column "t"."o"
-- hazard: BACKWARD_INCOMPATIBLE code using column "t"."o" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "t" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames type "pair" to "util"."int_pair"
-- hazard: BACKWARD_INCOMPATIBLE renames type "pair" to "util"."int_pair"
-- hazard: BACKWARD_INCOMPATIBLE drops type "old"

CREATE SCHEMA "util";
--> statement-breakpoint
ALTER TABLE "public"."t" DROP COLUMN "o";
--> statement-breakpoint
ALTER TYPE "public"."pair" SET SCHEMA "util";
--> statement-breakpoint
ALTER TYPE "util"."pair" RENAME TO "int_pair";
--> statement-breakpoint
COMMENT ON TYPE "util"."int_pair" IS 'Two integers.';
--> statement-breakpoint
DROP TYPE "public"."old";
