-- shale:down of 0001_after

ALTER TABLE "public"."tickets" ALTER COLUMN "id" SET INCREMENT BY 1 SET MAXVALUE 9223372036854775807 SET START WITH 100 SET CACHE 20;
--> statement-breakpoint
ALTER TABLE "public"."tickets" ALTER COLUMN "plain" DROP IDENTITY;
--> statement-breakpoint
ALTER TABLE "public"."tickets" ALTER COLUMN "serial_no" SET MAXVALUE 2147483647 SET START WITH 1 SET NO CYCLE;
