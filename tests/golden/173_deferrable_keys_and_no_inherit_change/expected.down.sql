-- shale:down of 0001_after

ALTER TABLE "public"."seats" DROP CONSTRAINT "seats_position_check";
--> statement-breakpoint
ALTER TABLE "public"."seats" DROP CONSTRAINT "seats_row_check";
--> statement-breakpoint
ALTER TABLE "public"."seats" DROP CONSTRAINT "seats_row_no_position_key";
--> statement-breakpoint
ALTER TABLE "public"."seats" ADD CONSTRAINT "seats_position_check" CHECK (position > 0);
--> statement-breakpoint
ALTER TABLE "public"."seats" ADD CONSTRAINT "seats_row_check" CHECK (row_no > 0) NO INHERIT;
--> statement-breakpoint
ALTER TABLE "public"."seats" ADD CONSTRAINT "seats_row_no_position_key" UNIQUE ("row_no", "position");
