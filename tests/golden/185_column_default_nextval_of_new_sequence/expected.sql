-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orders" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orders" against reads and writes

CREATE SEQUENCE "public"."order_numbers" AS bigint START WITH 500;
--> statement-breakpoint
ALTER TABLE "public"."orders" ALTER COLUMN "id" SET DEFAULT nextval('order_numbers'::regclass);
--> statement-breakpoint
CREATE TABLE "public"."returns" (
	"id" bigint DEFAULT nextval('order_numbers') NOT NULL,
	CONSTRAINT "returns_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."orders" ADD COLUMN "number" bigint DEFAULT nextval('order_numbers') NOT NULL;
