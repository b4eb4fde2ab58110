-- hazard: DELETES_DATA drops table "scratch" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "scratch" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "scratch" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "carts" against reads and writes
-- hazard: DELETES_DATA drops sequence "cart_numbers" and its current value
-- hazard: BACKWARD_INCOMPATIBLE code using sequence "cart_numbers" breaks
-- hazard: DELETES_DATA drops sequence "unused" and its current value
-- hazard: BACKWARD_INCOMPATIBLE code using sequence "unused" breaks

DROP TABLE "public"."scratch";
--> statement-breakpoint
ALTER TABLE "public"."carts" ALTER COLUMN "number" DROP DEFAULT;
--> statement-breakpoint
DROP SEQUENCE "public"."cart_numbers";
--> statement-breakpoint
DROP SEQUENCE "public"."unused";
