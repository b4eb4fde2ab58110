-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "notes" against reads and writes

ALTER TYPE "public"."mood" ADD VALUE '''tis bad' BEFORE 'it''s fine';
--> statement-breakpoint
ALTER TYPE "public"."mood" ADD VALUE 'so-so \ meh' AFTER 'it''s fine';
--> statement-breakpoint
ALTER TYPE "public"."mood" ADD VALUE 'très ''bien''' AFTER 'Über';
--> statement-breakpoint
ALTER TABLE "public"."notes" ALTER COLUMN "mood" SET DEFAULT 'it''s fine';
--> statement-breakpoint
COMMENT ON TABLE "public"."notes" IS 'Notes – with a dash, "quotes", it''s, a backslash \d+ and ünïcödé.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."notes"."mood" IS 'The writer''s mood (''fine'' by default).';
