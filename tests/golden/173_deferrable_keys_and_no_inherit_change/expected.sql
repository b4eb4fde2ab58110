-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "seats" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "seats" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "seats" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "seats" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "seats" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "seats_row_no_position_key" on "seats"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "seats" against reads and writes

ALTER TABLE "public"."seats" DROP CONSTRAINT "seats_position_check";
--> statement-breakpoint
ALTER TABLE "public"."seats" DROP CONSTRAINT "seats_row_check";
--> statement-breakpoint
ALTER TABLE "public"."seats" DROP CONSTRAINT "seats_row_no_position_key";
--> statement-breakpoint
ALTER TABLE "public"."seats" ADD CONSTRAINT "seats_position_check" CHECK (position > 0) NO INHERIT;
--> statement-breakpoint
ALTER TABLE "public"."seats" ADD CONSTRAINT "seats_row_check" CHECK (row_no > 0);
--> statement-breakpoint
ALTER TABLE "public"."seats" ADD CONSTRAINT "seats_row_no_position_key" UNIQUE ("row_no", "position") DEFERRABLE INITIALLY IMMEDIATE;
