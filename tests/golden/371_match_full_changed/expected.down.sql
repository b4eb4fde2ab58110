-- shale:down of 0001_after

ALTER TABLE "public"."payments" DROP CONSTRAINT "payments_region_number_fkey";
--> statement-breakpoint
ALTER TABLE "public"."payments" ADD CONSTRAINT "payments_region_number_fkey" FOREIGN KEY ("region", "number") REFERENCES "public"."accounts"("region", "number");
