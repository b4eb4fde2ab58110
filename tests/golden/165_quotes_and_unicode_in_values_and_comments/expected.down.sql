-- shale:down of 0001_after
-- shale:data-loss: removes values '''tis bad', 'so-so \ meh', 'très ''bien''' from enum "mood": converting a row that holds one fails

ALTER TYPE "public"."mood" RENAME TO "mood__previous";
--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM ('it''s fine', 'Über');
--> statement-breakpoint
ALTER TABLE "public"."notes" ALTER COLUMN "mood" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."notes" ALTER COLUMN "mood" SET DATA TYPE "public"."mood" USING "mood"::text::"public"."mood";
--> statement-breakpoint
DROP TYPE "public"."mood__previous";
--> statement-breakpoint
COMMENT ON TABLE "public"."notes" IS 'Plain.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."notes"."mood" IS NULL;
